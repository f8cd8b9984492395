#!/usr/bin/env node
// The `fieldbook` command. It runs the TypeScript sources through tsx, so it
// works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
