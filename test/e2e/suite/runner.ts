// mocha 12 is an ES module package; its CommonJS build is lib/mocha.cjs (require() of it works on any Node,
// including older Electron extension hosts that cannot require() ESM).
import type MochaType from 'mocha';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');

export function runMochaIn(_dir: string, files: string[]): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed.`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
