/**
 * Exit codes of the desktop app, read by scripts/start.mjs (which hard-codes
 * them, being plain JavaScript): a database problem is the user's to fix and
 * browser mode would hit it too; a native module built for the wrong runtime
 * is a developer setup problem that browser mode avoids.
 */
export const EXIT_DATABASE = 2;
export const EXIT_NATIVE_MODULE = 3;

/**
 * The value of `--name VALUE` or `--name=VALUE` in an Electron argv. Electron's
 * argv holds the executable, then (unpackaged) the app path, then Chromium's and
 * our switches in any order, so this looks anywhere rather than at a position.
 */
export function readSwitch(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === name) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : undefined;
    }
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** better-sqlite3's addon was compiled for another ABI (Node's rather than Electron's), or not at all. */
export function isNativeModuleMismatch(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /NODE_MODULE_VERSION|did not self-register|Could not locate the bindings file|invalid ELF header|not a valid Win32 application|incompatible architecture/i.test(
    message,
  );
}
