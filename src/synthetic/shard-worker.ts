/** Worker thread entry: generates one shard (district) of the synthetic city and reports its counts. */
import { parentPort, workerData } from 'node:worker_threads';
import { Shard, type ShardOptions } from './shard.js';

const result = new Shard(workerData as ShardOptions).run();
parentPort!.postMessage(result);
