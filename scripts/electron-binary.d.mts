/** The Electron executable's path, or null when its binary was never downloaded. */
export function findElectron(): string | null;
