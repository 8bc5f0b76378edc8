/** The worker thread of an upload's check (upload-check.ts): checks the upload it is given and posts the outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { workerOutcome, type CheckInput } from './upload-check.js';

parentPort!.postMessage(await workerOutcome(workerData as CheckInput));
