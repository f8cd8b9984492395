export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

export interface MemoryLogger extends Logger {
  entries: { level: LogLevel; message: string; fields?: Record<string, unknown> }[];
}

export function memoryLogger(): MemoryLogger {
  const entries: MemoryLogger['entries'] = [];
  return {
    entries,
    log: (level, message, fields) => {
      entries.push(fields ? { level, message, fields } : { level, message });
    },
  };
}

/** One JSON line per entry, so a log file can be grepped and parsed alike. */
export function streamLogger(write: (line: string) => void, minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  return {
    log(level, message, fields) {
      if (order[level] < order[minLevel]) return;
      write(JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }) + '\n');
    },
  };
}
