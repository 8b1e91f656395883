/** The statement-head table (used for messages and completion) agrees with the parser. */
import { strict as assert } from 'node:assert';
import { parse } from '../../grammar/parse';
import { STATEMENT_HEADS, type BlockRule } from '../../grammar/statement-heads';

const WRAP: Record<BlockRule, (line: string) => string> = {
  document: (l) => l,
  trialBlock: (l) => `trial {\n${l}\n}`,
  designBlock: (l) => `design {\n${l}\n}`,
  sponsorsBlock: (l) => `sponsors {\n${l}\n}`,
  interventionBlock: (l) => `intervention x {\n${l}\n}`,
  armBlock: (l) => `arm a {\n${l}\n}`,
  groupBlock: (l) => `group g {\n${l}\n}`,
  oversightBlock: (l) => `oversight {\n${l}\n}`,
  ipdSharingBlock: (l) => `ipd sharing {\n${l}\n}`,
  eligibilityBlock: (l) => `eligibility {\n${l}\n}`,
  populationBlock: (l) => `eligibility {\npopulation "P" {\n${l}\n}\n}`,
  outcomeBlock: (l) => `primary outcome "P" {\n${l}\n}`,
  scheduleBlock: (l) => `schedule {\n${l}\n}`,
  receivesStmt: (l) => `arm a {\nreceives x {\n${l}\n}\n}`,
  siteDecl: (l) => `site "S" in "C", "F" {\n${l}\n}`,
};

describe('statement heads', () => {
  for (const [block, heads] of Object.entries(STATEMENT_HEADS) as [BlockRule, readonly string[]][]) {
    it(`every head listed for ${block} starts a statement there`, () => {
      for (const head of heads) {
        const text = WRAP[block](head);
        const headStart = text.indexOf(head);
        const first = parse(text).diagnostics[0];
        // The statement is incomplete, so an error may follow — but never on the head itself.
        assert.ok(!first || first.range.start.offset >= headStart + head.length, `${block}: '${head}' → ${first?.message}`);
      }
    });
  }
});
