/** The `fundguard` command line: the arguments and the environment parsed, then one command run (src/cli/commands). */
import { parseArgs } from 'node:util';
import { EnvironmentError, readConfig, type Config } from '../config/environment.js';
import { DatasetError } from '../dataset/discover.js';
import { ImportRejected } from '../dataset/importer.js';
import { ConfigError } from '../screening/config.js';
import { demoCommand } from './commands/demo.js';
import { evaluateCommand } from './commands/evaluate.js';
import { generateCommand } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { rulesCommand } from './commands/rules.js';
import { screenCommand } from './commands/screen.js';
import { serveCommand } from './commands/serve.js';
import { verifyLogCommand } from './commands/verify-log.js';
import { help } from './help.js';
import { OPTIONS, parseOptions, UsageError, type Options } from './options.js';
import { reportRejects } from './rejects.js';

export async function main(argv: string[]): Promise<number> {
  let command: string | undefined;
  let opts: Options;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    command = parsed.positionals[0];
    if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument: ${parsed.positionals[1]}`);
    opts = parseOptions(parsed.values);
  } catch (e) {
    console.error(`fundguard: ${(e as Error).message}\nRun fundguard --help for usage.`);
    return 1;
  }
  let config: Config;
  try {
    config = readConfig();
  } catch (e) {
    if (!(e instanceof EnvironmentError)) throw e;
    console.error(`fundguard: ${e.message}`);
    return 1;
  }
  if (opts.help || command === undefined || command === 'help') {
    process.stdout.write(help(config));
    return 0;
  }
  try {
    switch (command) {
      case 'screen':
        return await screenCommand(opts, config);
      case 'import':
        return await importCommand(opts, config);
      case 'rules':
        return rulesCommand(opts);
      case 'demo':
        return await demoCommand(opts, config);
      case 'evaluate':
        return await evaluateCommand(opts);
      case 'generate':
        return await generateCommand(opts);
      case 'serve':
        return await serveCommand(opts, config);
      case 'verify-log':
        return await verifyLogCommand(opts, config);
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof DatasetError) {
      console.error(`fundguard: ${e.message}`);
      return 1;
    }
    if (e instanceof ImportRejected) {
      await reportRejects(e.report, opts);
      return 1;
    }
    throw e;
  }
}
