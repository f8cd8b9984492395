import { z } from 'zod';

// The renderer runs under a Content-Security-Policy without 'unsafe-eval'. Zod 4
// probes `new Function` to JIT its parsers unless told not to, which the CSP
// reports as a violation; jitless keeps it quiet and identical in behaviour.
z.config({ jitless: true });

export { z };
