/** A worker thread of `report-lens check`: checks the files it is sent, one at a time (see workerPool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { getReportLanguageService } from '../core/languageService';
import { FileChecker } from './checkCommand';
import type { FromWorker, ToWorker, WorkerSetup } from './workerPool';

const port = parentPort;
if (port) {
  const setup = workerData as WorkerSetup;
  const post = (message: FromWorker): void => port.postMessage(message);
  const checker = new FileChecker(getReportLanguageService(), setup.options, setup.locale, (text) => post({ type: 'err', text }));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'check') post({ type: 'result', index: message.index, result: checker.check(message.file) });
    else post({ type: 'finished', glossaryProblems: checker.glossaryProblemFiles() });
  });
}
