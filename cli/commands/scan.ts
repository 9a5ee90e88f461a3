import type { Command } from './command.js';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan files and folders for repeated and templated text',
  async run() {
    process.stderr.write('refrain scan: not yet implemented\n');
    return 2;
  },
};
