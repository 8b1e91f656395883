/**
 * Drafts (drafts.ts, what the parser read) → typed AST. Defensive by design: after error recovery
 * a draft may lack any part, so every statement whose required parts are missing is dropped (its
 * syntax error is already reported) while the rest of the block survives.
 */
import type { IToken } from 'chevrotain';
import type * as A from './ast';
import type { Diagnostic } from './diagnostic';
import type { AmountDraft, ClauseDraft, DoseDraft, Draft, NormalLimitDraft, QuantityDraft, TimePointDraft, Tok } from './drafts';
import { frequencyOf, routeOf } from './vocabulary';
import { LineIndex } from './line-index';
import { kw, LCurly, NumberLiteral, Text, TripleText, UnterminatedText } from './tokens';

/** A token the parser really read (recovery's inserted tokens have no offset). */
function isReal(token: Tok): token is IToken {
  return !!token && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

function real(token: Tok): IToken | undefined {
  return isReal(token) ? token : undefined;
}

function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly lines: LineIndex) {}

  private range(start: number, end: number): A.Range {
    return this.lines.range(start, end);
  }

  // --- ranges and leaves ----------------------------------------------------------------------

  private tokenRange(token: IToken): A.Range {
    return this.range(token.startOffset, endOf(token));
  }

  /** The range of a draft (its first real token to the end of its last); undefined when it read none. */
  private rangeOf(d: { start: number; end: number }): A.Range | undefined {
    return Number.isFinite(d.start) && Number.isFinite(d.end) ? this.range(d.start, d.end) : undefined;
  }

  /** The range from the first to the last of some tokens that are real. */
  private span(first: Tok, last: Tok): A.Range | undefined {
    const a = real(first);
    const b = real(last);
    return a && b ? this.range(a.startOffset, endOf(b)) : undefined;
  }

  /**
   * The range from the start of `first` to the end of `last`, sharing their positions (positions
   * are never changed in place; a range made of two others costs one object, not three).
   */
  private join(first: A.Range, last: A.Range): A.Range {
    return { start: first.start, end: last.end };
  }

  private located<T>(value: T, token: IToken): A.Located<T> {
    return { value, range: this.tokenRange(token) };
  }

  /** The range of a statement's keywords (first to last that the parser really read). */
  private keywordRange(keywords: readonly Tok[]): A.Range {
    let first: IToken | undefined;
    let last: IToken | undefined;
    for (const t of keywords) {
      if (!isReal(t)) continue;
      first ??= t;
      last = t;
    }
    if (!first || !last) return this.range(0, 0);
    return this.range(first.startOffset, endOf(last));
  }

  // --- values ---------------------------------------------------------------------------------

  /** Text value of a quoted or triple-quoted text; an unterminated quote is reported here. */
  private text(token: Tok): A.Located<string> | undefined {
    if (!isReal(token)) return undefined;
    if (token.tokenType === Text) return this.located(unescape(token.image.slice(1, -1)), token);
    if (token.tokenType === TripleText) return this.located(dedent(token.image.slice(3, -3)), token);
    if (token.tokenType === UnterminatedText) {
      this.diagnostics.push({
        code: 'syntax-unclosed-text',
        severity: 'error',
        message: 'this text has no closing quote (") on its line; use """ … """ for text over several lines',
        range: this.tokenRange(token),
      });
      return this.located(unescape(token.image.slice(1)), token);
    }
    return undefined;
  }

  private words(tokens: readonly IToken[] | undefined): A.Located<string> | undefined {
    if (!tokens) return undefined;
    let value = '';
    let first: IToken | undefined;
    let last: IToken | undefined;
    for (const t of tokens) {
      if (!isReal(t)) continue;
      value = first ? value + ' ' + t.image : t.image;
      first ??= t;
      last = t;
    }
    if (!first || !last) return undefined;
    return { value, range: this.range(first.startOffset, endOf(last)) };
  }

  private number(token: Tok): A.NumberValue | undefined {
    // The number as written is kept (`3.0`), so rendered text keeps the writer's precision.
    return isReal(token) ? { value: Number(token.image), range: this.tokenRange(token), written: token.image } : undefined;
  }

  private quantity(q: QuantityDraft | undefined): A.Quantity | undefined {
    if (!q) return undefined;
    const value = this.number(q.n);
    const unit = real(q.u);
    if (!value || !unit) return undefined;
    const unitLocated = this.located(unit.image, unit);
    return { kind: 'Quantity', value, unit: unitLocated, range: this.join(value.range, unitLocated.range) };
  }

  private amount(a: AmountDraft | undefined): A.Amount | undefined {
    if (!a) return undefined;
    const first = this.number(a.n);
    const second = this.number(a.n2);
    const unit = real(a.u);
    if (!first || !unit) return undefined;
    const unitLocated = this.located(unit.image, unit);
    const range = this.join(first.range, unitLocated.range);
    return second
      ? { kind: 'Amount', low: first, value: second, unit: unitLocated, range }
      : { kind: 'Amount', value: first, unit: unitLocated, range };
  }

  private comparator(token: Tok): A.Located<A.Comparator> | undefined {
    if (!isReal(token)) return undefined;
    const canonical = ({ '≥': '>=', '≤': '<=' } as Record<string, string>)[token.image] ?? token.image;
    return this.located(canonical as A.Comparator, token);
  }

  private timePoint(p: TimePointDraft | undefined): A.TimePoint | undefined {
    if (!p) return undefined;
    const unitToken = real(p.u);
    const value = this.number(p.n);
    if (!unitToken || !value) return undefined;
    const unit = this.located(unitToken.image.toLowerCase() as A.TimeUnitWord, unitToken);
    return { kind: 'TimePoint', unit, value, range: this.join(unit.range, value.range) };
  }

  private actualOrEstimated(token: Tok): A.Located<A.ActualOrEstimated> | undefined {
    return isReal(token) ? this.located(token.image.toLowerCase() as A.ActualOrEstimated, token) : undefined;
  }

  private id(token: Tok): A.Located<string> | undefined {
    return isReal(token) ? this.located(token.image, token) : undefined;
  }

  // --- document -------------------------------------------------------------------------------

  /** The top-level items of the parser's drafts, in source order. */
  topItems(drafts: readonly Draft[]): A.TopItem[] {
    const items: A.TopItem[] = [];
    for (const d of drafts) {
      const item = this.topItem(d);
      if (item) items.push(item);
    }
    return items;
  }

  private topItem(d: Draft): A.TopItem | undefined {
    switch (d.rule) {
      case 'trialBlock':
        return this.block(d, (s) => this.trialStatement(s), (statements, range) => ({ kind: 'TrialBlock', keyword: this.keywordRange(d.k), statements, range }));
      case 'designBlock':
        return this.block(d, (s) => this.designStatement(s), (statements, range) => ({ kind: 'DesignBlock', keyword: this.keywordRange(d.k), statements, range }));
      case 'sponsorsBlock':
        return this.block(d, (s) => this.sponsorsStatement(s), (statements, range) => ({ kind: 'SponsorsBlock', keyword: this.keywordRange(d.k), statements, range }));
      case 'measureDecl':
        return this.measureDecl(d);
      case 'interventionBlock':
        return this.interventionBlock(d);
      case 'armBlock':
        return this.armBlock(d);
      case 'groupBlock':
        return this.groupBlock(d);
      case 'oversightBlock':
        return this.block(d, (s) => this.oversightStatement(s), (statements, range) => ({ kind: 'OversightBlock', keyword: this.keywordRange(d.k), statements, range }));
      case 'ipdSharingBlock':
        return this.block(d, (s) => this.ipdSharingStatement(s), (statements, range) => ({ kind: 'IpdSharingBlock', keyword: this.keywordRange(d.k), statements, range }));
      case 'eligibilityBlock':
        return this.block(d, (s) => this.eligibilityStatement(s), (statements, range) => ({ kind: 'EligibilityBlock', keyword: this.keywordRange(d.k), statements, range }));
      case 'outcomeBlock':
        return this.outcomeBlock(d);
      case 'scheduleBlock':
        return this.block(d, (s) => this.scheduleStatement(s), (statements, range) => ({ kind: 'ScheduleBlock', keyword: this.keywordRange(d.k), statements, range }));
      case 'siteDecl':
        return this.siteDecl(d);
      case 'referenceDecl':
        return this.referenceDecl(d);
      case 'linkDecl': {
        const [label, url] = (d.texts ?? []).map((t) => this.text(t));
        const range = this.rangeOf(d);
        return label && url && range ? { kind: 'LinkDecl', label, url, range } : undefined;
      }
    }
    return undefined;
  }

  /** A block with no parts besides its keyword: its statements built, the node made by `make`. */
  private block<S, B>(d: Draft, build: (s: Draft) => S | undefined, make: (statements: S[], range: A.Range) => B): B | undefined {
    const range = this.rangeOf(d);
    if (!range) return undefined;
    return make(this.statements(d, build), range);
  }

  /** Statements of a block, in source order, dropping those recovery left incomplete. */
  private statements<T>(block: Draft, build: (s: Draft) => T | undefined): T[] {
    const out: T[] = [];
    for (const s of block.statements ?? []) {
      const stmt = build(s);
      if (stmt) out.push(stmt);
    }
    return out;
  }

  private textStmt(s: Draft, field: A.TextField, range: A.Range, textIndex = 0): A.TextStmt | undefined {
    const text = this.text(s.texts?.[textIndex]);
    if (!text) return undefined;
    return { kind: 'Text', field, keyword: this.keywordRange(s.k), text, range };
  }

  private wordsStmt(s: Draft, field: A.WordsField, range: A.Range): A.WordsStmt | undefined {
    const words = this.words(s.words?.[0]);
    if (!words) return undefined;
    return { kind: 'Words', field, keyword: this.keywordRange(s.k), words, range };
  }

  // --- trial ----------------------------------------------------------------------------------

  private trialStatement(s: Draft): A.TrialStatement | undefined {
    const range = this.rangeOf(s);
    if (!range) return undefined;
    switch (s.rule) {
      case 'nctIdStmt': {
        const id = this.id(s.ids?.[0]);
        return id && { kind: 'NctId', id, range };
      }
      case 'orgStudyIdStmt': {
        const id = this.text(s.texts?.[0]);
        return id && { kind: 'OrgStudyId', id, range };
      }
      case 'secondaryIdStmt': {
        const id = this.text(s.texts?.[0]);
        if (!id) return undefined;
        const stmt: A.SecondaryIdStmt = { kind: 'SecondaryId', id, range };
        const idType = this.words(s.words?.[0]);
        if (idType) stmt.idType = idType;
        const domain = this.text(s.texts?.[1]);
        if (domain) stmt.domain = domain;
        return stmt;
      }
      case 'briefTitleStmt':
        return this.textStmt(s, 'briefTitle', range);
      case 'officialTitleStmt':
        return this.textStmt(s, 'officialTitle', range);
      case 'acronymStmt':
        return this.textStmt(s, 'acronym', range);
      case 'studyTypeStmt':
        return this.wordsStmt(s, 'studyType', range);
      case 'phaseStmt': {
        const phases: A.Located<string>[] = [];
        for (const p of s.phases ?? []) {
          const tokens = (p ?? []).filter(isReal);
          if (!tokens.length) continue;
          phases.push({
            value: tokens.map((t) => t.image.toLowerCase()).join(' '),
            range: this.range(tokens[0]!.startOffset, endOf(tokens[tokens.length - 1]!)),
          });
        }
        return phases.length ? { kind: 'Phase', phases, range } : undefined;
      }
      case 'statusStmt':
        return this.wordsStmt(s, 'status', range);
      case 'whyStoppedStmt':
        return this.textStmt(s, 'whyStopped', range);
      case 'dateStmt': {
        const head = s.k.find(isReal);
        const field: A.DateField = s.k.some((t) => isReal(t) && t.tokenType === kw.primary)
          ? 'primaryCompletion'
          : head?.tokenType === kw.start
            ? 'start'
            : 'completion';
        const dateToken = real(s.a);
        if (!dateToken) return undefined;
        const stmt: A.DateStmt = { kind: 'Date', field, keyword: this.keywordRange(s.k), date: this.located(dateToken.image, dateToken), range };
        const type = this.actualOrEstimated(s.b);
        if (type) stmt.dateType = type;
        return stmt;
      }
      case 'verifiedStmt': {
        const dateToken = real(s.a);
        return dateToken ? { kind: 'Verified', keyword: this.keywordRange(s.k), date: this.located(dateToken.image, dateToken), range } : undefined;
      }
      case 'enrollmentStmt': {
        const value = real(s.a);
        if (!value) return undefined;
        const stmt: A.EnrollmentStmt =
          value.tokenType === NumberLiteral ? { kind: 'Enrollment', count: this.number(value)!, range } : { kind: 'Enrollment', placeholder: this.located(value.image, value), range };
        const type = this.actualOrEstimated(s.b);
        if (type) stmt.countType = type;
        return stmt;
      }
      case 'durationStmt': {
        const duration = this.quantity(s.quantities?.[0]);
        return duration && { kind: 'Duration', duration, range };
      }
      case 'conditionStmt':
        return this.textStmt(s, 'condition', range);
      case 'keywordStmt':
        return this.textStmt(s, 'keyword', range);
      case 'summaryStmt':
        return this.textStmt(s, 'summary', range);
      case 'detailsStmt':
        return this.textStmt(s, 'details', range);
      case 'expandedAccessStmt': {
        const answer = real(s.a);
        if (!answer) return undefined;
        const stmt: A.ExpandedAccessStmt = { kind: 'ExpandedAccess', keyword: this.keywordRange(s.k), answer: this.located(answer.image, answer), range };
        const nct = this.id(s.ids?.[0]);
        if (nct) stmt.nctId = nct;
        const status = this.words(s.words?.[0]);
        if (status) stmt.status = status;
        return stmt;
      }
    }
    return undefined;
  }

  // --- design ---------------------------------------------------------------------------------

  private designStatement(s: Draft): A.DesignStatement | undefined {
    const r = this.rangeOf(s);
    if (!r) return undefined;
    switch (s.rule) {
      case 'allocationStmt':
        return this.wordsStmt(s, 'allocation', r);
      case 'purposeStmt':
        return this.wordsStmt(s, 'purpose', r);
      case 'modelStmt': {
        const model = this.words(s.words?.[0]);
        if (!model) return undefined;
        const stmt: A.ModelStmt = { kind: 'Model', model, range: r };
        const description = this.text(s.texts?.[0]);
        if (description) stmt.description = description;
        return stmt;
      }
      case 'maskingStmt': {
        const levelToken = real(s.a);
        if (!levelToken) return undefined;
        const roles = this.wordList(s.words);
        const stmt: A.MaskingStmt = { kind: 'Masking', level: this.located(levelToken.image, levelToken), roles, range: r };
        const description = this.text(s.texts?.[0]);
        if (description) stmt.description = description;
        return stmt;
      }
      case 'observationalModelStmt':
        return this.wordsStmt(s, 'observationalModel', r);
      case 'timePerspectiveStmt':
        return this.wordsStmt(s, 'timePerspective', r);
      case 'patientRegistryStmt':
        return this.wordsStmt(s, 'patientRegistry', r);
      case 'biospecimenStmt': {
        const retention = this.words(s.words?.[0]);
        if (!retention) return undefined;
        const stmt: A.BiospecimenStmt = { kind: 'Biospecimen', keyword: this.keywordRange(s.k), retention, range: r };
        const description = this.text(s.texts?.[0]);
        if (description) stmt.description = description;
        return stmt;
      }
      case 'targetDurationStmt': {
        const duration = this.quantity(s.quantities?.[0]);
        return duration && { kind: 'TargetDuration', keyword: this.keywordRange(s.k), duration, range: r };
      }
      case 'expandedAccessTypesStmt': {
        const types = this.wordList(s.words);
        return types.length ? { kind: 'ExpandedAccessTypes', keyword: this.keywordRange(s.k), types, range: r } : undefined;
      }
    }
    return undefined;
  }

  /** Every run of words that has one (`participant, investigator`). */
  private wordList(runs: readonly (IToken[] | undefined)[] | undefined): A.Located<string>[] {
    const out: A.Located<string>[] = [];
    for (const run of runs ?? []) {
      const words = this.words(run);
      if (words) out.push(words);
    }
    return out;
  }

  // --- sponsors -------------------------------------------------------------------------------

  private sponsorsStatement(s: Draft): A.SponsorsStatement | undefined {
    const r = this.rangeOf(s);
    if (!r) return undefined;
    switch (s.rule) {
      case 'sponsorStmt': {
        const roleToken = real(s.a);
        const nameText = this.text(s.texts?.[0]);
        if (!roleToken || !nameText) return undefined;
        const stmt: A.SponsorStmt = {
          kind: 'Sponsor',
          role: this.located(roleToken.image.toLowerCase() as 'lead' | 'collaborator', roleToken),
          name: nameText,
          range: r,
        };
        const agencyClass = this.words(s.words?.[0]);
        if (agencyClass) stmt.agencyClass = agencyClass;
        return stmt;
      }
      case 'responsiblePartyStmt': {
        const partyType = this.words(s.words?.[0]);
        const stmt: A.ResponsiblePartyStmt = { kind: 'ResponsibleParty', range: r };
        if (partyType) stmt.partyType = partyType;
        // The texts are, in order: the name, then (after `title`) title, affiliation, (after `organization`) organization.
        const texts = s.texts ?? [];
        const hasTitle = isReal(s.a);
        const hasAffiliation = isReal(s.b);
        const hasOrganization = isReal(s.c);
        const named = texts.length - (hasTitle ? 1 : 0) - (hasAffiliation ? 1 : 0) - (hasOrganization ? 1 : 0) > 0;
        let i = 0;
        if (named) stmt.investigator = this.text(texts[i++]);
        if (hasTitle) stmt.title = this.text(texts[i++]);
        if (hasAffiliation) stmt.affiliation = this.text(texts[i++]);
        if (hasOrganization) stmt.organization = this.text(texts[i++]);
        if (!partyType && !stmt.investigator && !stmt.organization) return undefined;
        return stripUndefined(stmt);
      }
      case 'officialStmt': {
        const nameText = this.text(s.texts?.[0]);
        if (!nameText) return undefined;
        const stmt: A.OfficialStmt = { kind: 'Official', name: nameText, range: r };
        const role = this.words(s.words?.[0]);
        if (role) stmt.role = role;
        const affiliation = this.text(s.texts?.[1]);
        if (affiliation) stmt.affiliation = affiliation;
        return stmt;
      }
      case 'contactStmt': {
        const nameText = this.text(s.texts?.[0]);
        if (!nameText) return undefined;
        const stmt: A.ContactStmt = { kind: 'Contact', name: nameText, range: r };
        const role = this.words(s.words?.[0]);
        if (role) stmt.role = role;
        let i = 1;
        if (isReal(s.a)) stmt.phone = this.text(s.texts?.[i++]);
        if (isReal(s.c)) stmt.phoneExt = this.text(s.texts?.[i++]);
        if (isReal(s.b)) stmt.email = this.text(s.texts?.[i++]);
        return stripUndefined(stmt);
      }
      case 'organizationStmt': {
        const nameText = this.text(s.texts?.[0]);
        if (!nameText) return undefined;
        const stmt: A.OrganizationStmt = { kind: 'Organization', keyword: this.keywordRange(s.k), name: nameText, range: r };
        const agencyClass = this.words(s.words?.[0]);
        if (agencyClass) stmt.agencyClass = agencyClass;
        return stmt;
      }
    }
    return undefined;
  }

  // --- measure --------------------------------------------------------------------------------

  private measureDecl(d: Draft): A.MeasureDecl | undefined {
    const id = this.id(d.ids?.[0]);
    const label = this.text(d.texts?.[0]);
    const range = this.rangeOf(d);
    if (!id || !label || !range) return undefined;
    const decl: A.MeasureDecl = { kind: 'MeasureDecl', id, label, range };
    const unitToken = real(d.a);
    if (unitToken) decl.unit = this.located(unitToken.image, unitToken);
    return decl;
  }

  // --- intervention ---------------------------------------------------------------------------

  private interventionBlock(d: Draft): A.InterventionBlock | undefined {
    const id = this.id(d.ids?.[0]);
    const range = this.rangeOf(d);
    if (!id || !range) return undefined;
    const statements = this.statements(d, (s) => this.interventionStatement(s));
    return { kind: 'InterventionBlock', keyword: this.keywordRange(d.k), id, statements, range };
  }

  private interventionStatement(s: Draft): A.InterventionStatement | undefined {
    const range = this.rangeOf(s);
    if (!range) return undefined;
    switch (s.rule) {
      case 'typeStmt':
        return this.wordsStmt(s, 'interventionType', range);
      case 'nameStmt':
        return this.textStmt(s, 'name', range);
      case 'otherNameStmt':
        return this.textStmt(s, 'otherName', range);
      case 'descriptionStmt':
        return this.textStmt(s, 'description', range);
      case 'doseStmt':
        return this.dose(s);
      case 'adjustStmt': {
        const measure = this.id(s.ids?.[0]);
        if (!measure) return undefined;
        const stmt: A.AdjustStmt = { kind: 'Adjust', measure, range };
        const target = this.amount(s.amount);
        if (target) stmt.target = target;
        return stmt;
      }
      case 'taperStmt': {
        const after = this.quantity(s.quantities?.[0]);
        if (!after) return undefined;
        const stmt: A.TaperStmt = { kind: 'Taper', after, range };
        const over = this.quantity(s.quantities?.[1]);
        if (over) stmt.over = over;
        return stmt;
      }
      case 'stopStmt': {
        const after = this.quantity(s.quantities?.[0]);
        return after && { kind: 'Stop', after, range };
      }
      case 'maxDoseStmt': {
        const amount = this.quantity(s.quantities?.[0]);
        const cumulative = real(s.a);
        if (!amount) return undefined;
        return cumulative ? { kind: 'MaxDose', amount, cumulative: this.tokenRange(cumulative), range } : { kind: 'MaxDose', amount, range };
      }
      case 'basisStmt': {
        const basisToken = real(s.a);
        const text = this.text(s.texts?.[0]);
        if (!basisToken || !text) return undefined;
        return { kind: 'Basis', basis: this.located(basisToken.image.toLowerCase() as 'weight' | 'surface', basisToken), text, range };
      }
    }
    return undefined;
  }

  private dose(s: Draft): A.DoseStmt | undefined {
    const d = s.dose;
    if (!d) return undefined;
    const amount = this.amount(d.amount);
    const amountText = amount ? undefined : this.text(d.amountText);
    const range = this.rangeOf(s);
    if ((!amount && !amountText) || !range) return undefined;
    const dose: A.DoseStmt = amount ? { kind: 'Dose', amount, range } : { kind: 'Dose', amountText: amountText!, range };

    for (const word of d.words) {
      if (!isReal(word)) continue;
      const route = routeOf(word.image);
      const frequency = frequencyOf(word.image);
      if (route && !dose.route) dose.route = this.located(route, word);
      else if (frequency && !dose.frequency) dose.frequency = { kind: 'named', code: frequency, range: this.tokenRange(word) };
      else if (route || frequency) {
        this.diagnostics.push({
          code: 'dose-repeated-word',
          severity: 'error',
          message: `this dose already has a ${route ? 'route' : 'frequency'}; '${word.image}' would be a second one`,
          range: this.tokenRange(word),
        });
      } else {
        this.diagnostics.push({
          code: 'dose-unknown-word',
          severity: 'error',
          message: `'${word.image}' is not a route or a frequency. Routes: iv, oral, sc, im, inhaled, topical …; frequencies: once, daily, bid, tid, qid, weekly, q12h …`,
          range: this.tokenRange(word),
          data: { word: word.image },
        });
      }
    }

    const dividedToken = d.divided[0] && real(d.divided[0].n);
    if (dividedToken) dose.divided = this.located(Number(dividedToken.image), dividedToken);
    for (let i = 1; i < d.divided.length; i++) this.repeated(d.divided[i]!, 'this dose already says how many divided doses');

    const everyClause = d.every[0];
    const every = everyClause && this.quantity(everyClause.q);
    if (every && everyClause) {
      if (dose.frequency) {
        this.repeated(everyClause, 'this dose already has a frequency; write either a named frequency or `every …`, not both');
      } else {
        dose.frequency = { kind: 'every', interval: every, range: this.rangeOf(everyClause)! };
      }
    }
    for (let i = 1; i < d.every.length; i++) this.repeated(d.every[i]!, 'this dose already has an interval');

    if (d.schedule.length) dose.schedule = this.schedule(d.schedule);

    const conditionClause = d.condition[0];
    if (conditionClause) {
      const measure = this.id(conditionClause.id);
      const r = this.rangeOf(conditionClause);
      if (measure && r) {
        const condition: A.Condition = { kind: 'Condition', measure, range: r };
        const comparator = this.comparator(conditionClause.comparator);
        const threshold = this.quantity(conditionClause.q);
        if (comparator) condition.comparator = comparator;
        if (threshold) condition.threshold = threshold;
        dose.condition = condition;
      }
    }
    const infusion = d.over[0] && this.quantity(d.over[0].q);
    if (infusion) dose.infusion = infusion;
    for (let i = 1; i < d.over.length; i++) this.repeated(d.over[i]!, 'this dose already says how long the infusion runs');
    const wording = this.text(d.wording);
    if (wording) dose.wording = wording;
    return dose;
  }

  /** The schedule parts of a dose (`on days 1 and 8`, `from day 3`, `to day 10`, `for 6 cycles`) as one schedule. */
  private schedule(parts: readonly ClauseDraft[]): A.Schedule {
    let start = Infinity;
    let end = -Infinity;
    for (const part of parts) {
      if (Number.isFinite(part.start)) start = Math.min(start, part.start);
      if (Number.isFinite(part.end)) end = Math.max(end, part.end);
    }
    const schedule: A.Schedule = { kind: 'Schedule', days: [], range: this.range(start, end) };
    for (const part of parts) {
      const head = part.k[0];
      if (!isReal(head)) continue;
      if (head.tokenType === kw.on) {
        for (const t of part.days) if (isReal(t)) schedule.days.push(this.located(Number(t.image), t));
      } else if (head.tokenType === kw.from) {
        const d = this.number(part.n);
        if (d) schedule.from = d;
      } else if (head.tokenType === kw.to) {
        const d = this.number(part.n);
        if (d) schedule.to = d;
      } else if (head.tokenType === kw.for) {
        const q = this.quantity(part.q);
        const count = this.number(part.n);
        const dosesWord = real(part.k[1]);
        if (q) schedule.for = q;
        else if (count && dosesWord) {
          schedule.for = { kind: 'Quantity', value: count, unit: this.located('doses', dosesWord), range: this.rangeOf(part)! };
        }
      }
    }
    schedule.days.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return schedule;
  }

  /** `2.5 x ULN` → the multiple and which limit. */
  private normalLimit(m: NormalLimitDraft | undefined): A.NormalLimitMultiple | undefined {
    if (!m) return undefined;
    const multiple = this.number(m.n);
    const limit = real(m.l);
    if (!multiple || !limit) return undefined;
    const of = /LLN$/i.test(limit.image) ? 'LLN' : 'ULN';
    const ofLocated = this.located<'ULN' | 'LLN'>(of, limit);
    return { kind: 'NormalLimitMultiple', multiple, of: ofLocated, range: this.join(multiple.range, ofLocated.range) };
  }

  private repeated(clause: ClauseDraft, message: string): void {
    const range = this.rangeOf(clause);
    if (range) this.diagnostics.push({ code: 'dose-repeated-word', severity: 'error', message, range });
  }

  // --- arm ------------------------------------------------------------------------------------

  private armBlock(d: Draft): A.ArmBlock | undefined {
    const id = this.id(d.ids?.[0]);
    const range = this.rangeOf(d);
    if (!id || !range) return undefined;
    const statements = this.statements<A.ArmStatement>(d, (s) => {
      switch (s.rule) {
        case 'labelStmt':
        case 'typeStmt':
        case 'descriptionStmt': {
          const r = this.rangeOf(s);
          if (!r) return undefined;
          return s.rule === 'labelStmt' ? this.textStmt(s, 'label', r) : s.rule === 'typeStmt' ? this.wordsStmt(s, 'armType', r) : this.textStmt(s, 'description', r);
        }
        case 'receivesStmt': {
          const target = this.id(s.ids?.[0]);
          const r = this.rangeOf(s);
          if (!target || !r) return undefined;
          const stmt: A.ReceivesStmt = { kind: 'Receives', intervention: target, doses: this.statements(s, (x) => this.dose(x)), range: r };
          const period = this.id(s.ids?.[1]);
          if (period) stmt.period = period;
          const open = real(s.a);
          if (open && open.tokenType === LCurly) stmt.overrideBlock = this.range(open.startOffset, r.end.offset);
          return stmt;
        }
        case 'armPeriodsStmt': {
          const periods = this.nameList(s);
          const r = this.rangeOf(s);
          return periods.length && r ? { kind: 'ArmPeriods', periods, range: r } : undefined;
        }
      }
      return undefined;
    });
    return { kind: 'ArmBlock', keyword: this.keywordRange(d.k), id, statements, range };
  }

  // --- group (observational) ------------------------------------------------------------------

  private groupBlock(d: Draft): A.ArmBlock | undefined {
    const id = this.id(d.ids?.[0]);
    const range = this.rangeOf(d);
    if (!id || !range) return undefined;
    const statements = this.statements<A.ArmStatement>(d, (s) => {
      const r = this.rangeOf(s);
      switch (s.rule) {
        case 'labelStmt':
          return r && this.textStmt(s, 'label', r);
        case 'descriptionStmt':
          return r && this.textStmt(s, 'description', r);
        case 'exposureStmt': {
          const target = this.id(s.ids?.[0]);
          if (!target || !r) return undefined;
          return { kind: 'Receives', intervention: target, doses: [], range: r, exposure: true };
        }
      }
      return undefined;
    });
    return { kind: 'ArmBlock', keyword: this.keywordRange(d.k), id, statements, range, group: true };
  }

  // --- oversight and IPD sharing --------------------------------------------------------------

  private oversightStatement(s: Draft): A.OversightStatement | undefined {
    switch (s.rule) {
      case 'fdaRegulatedStmt':
        return this.productFlag(s, { drug: 'fdaRegulatedDrug', device: 'fdaRegulatedDevice' }, "'fda regulated'");
      case 'unapprovedDeviceStmt':
        return this.productFlag(s, { device: 'unapprovedDevice' }, "'unapproved'");
      case 'pediatricPostmarketStmt':
        return this.productFlag(s, { device: 'pediatricPostmarketDevice' }, "'pediatric postmarket'");
      case 'exportedFromUsStmt':
        return this.productFlag(s, { us: 'exportedFromUs' }, "'exported from'");
      case 'dataMonitoringCommitteeStmt':
      case 'reviewBoardStmt': {
        const r = this.rangeOf(s);
        return r && this.wordsStmt(s, s.rule === 'reviewBoardStmt' ? 'reviewBoard' : 'dataMonitoringCommittee', r);
      }
    }
    return undefined;
  }

  /**
   * `fda regulated drug yes`: the product word (`drug`, `device`, `us`) stays a plain word in the
   * lexer, so that interventions may still be named `drug`; it is checked here.
   */
  private productFlag(s: Draft, fields: Record<string, A.WordsField>, head: string): A.WordsStmt | undefined {
    const product = real(s.a);
    if (!product) return undefined;
    const field = fields[product.image.toLowerCase()];
    if (!field) {
      this.diagnostics.push({
        code: 'syntax-error',
        severity: 'error',
        message: `expected ${Object.keys(fields).map((f) => `'${f}'`).join(' or ')} after ${head}, found '${product.image}'`,
        range: this.tokenRange(product),
      });
      return undefined;
    }
    const r = this.rangeOf(s);
    return r && this.wordsStmt(s, field, r);
  }

  private ipdSharingStatement(s: Draft): A.IpdSharingStatement | undefined {
    const r = this.rangeOf(s);
    if (!r) return undefined;
    switch (s.rule) {
      case 'planStmt':
        return this.wordsStmt(s, 'ipdSharing', r);
      case 'descriptionStmt':
        return this.textStmt(s, 'description', r);
      case 'timeFrameTextStmt':
        return this.textStmt(s, 'timeFrameText', r);
      case 'accessCriteriaStmt':
        return this.textStmt(s, 'accessCriteria', r);
      case 'urlStmt':
        return this.textStmt(s, 'url', r);
      case 'infoTypesStmt': {
        const types = this.wordList(s.words);
        return types.length ? { kind: 'InfoTypes', keyword: this.keywordRange(s.k), types, range: r } : undefined;
      }
    }
    return undefined;
  }

  // --- eligibility ----------------------------------------------------------------------------

  private eligibilityStatement(s: Draft): A.EligibilityStatement | undefined {
    const r = this.rangeOf(s);
    if (!r) return undefined;
    switch (s.rule) {
      case 'ageStmt': {
        const quantities = (s.quantities ?? []).map((q) => this.quantity(q));
        const stmt: A.AgeStmt = { kind: 'Age', range: r };
        const word = real(s.a);
        if (word?.tokenType === kw.any) return stmt;
        const placeholder = this.id(s.ids?.[0]);
        if (placeholder) return { ...stmt, placeholder };
        if (word?.tokenType === kw.up) {
          if (!quantities[0]) return undefined;
          stmt.max = quantities[0];
          return stmt;
        }
        if (!quantities[0]) return undefined;
        stmt.min = quantities[0];
        if (quantities[1]) stmt.max = quantities[1];
        else if (word?.tokenType !== kw.older) return undefined;
        return stmt;
      }
      case 'sexStmt':
        return this.wordsStmt(s, 'sex', r);
      case 'genderBasedStmt':
        return this.wordsStmt(s, 'genderBased', r);
      case 'genderDescriptionStmt':
        return this.textStmt(s, 'genderDescription', r);
      case 'healthyVolunteersStmt':
        return this.wordsStmt(s, 'healthyVolunteers', r);
      case 'studyPopulationStmt':
        return this.textStmt(s, 'studyPopulation', r);
      case 'samplingStmt':
        return this.wordsStmt(s, 'samplingMethod', r);
      case 'criterionStmt':
        return this.criterion(s, r);
      case 'criteriaListStmt':
        return this.criteriaList(s, r);
      case 'criteriaLayoutStmt':
        return { kind: 'CriteriaLayout', range: r };
      case 'populationBlock': {
        const title = this.text(s.texts?.[0]);
        if (!title) return undefined;
        // A population holds criteria and list headings, built exactly as in the eligibility block.
        const inner = this.statements(s, (x) => this.eligibilityStatement(x)).filter(
          (x): x is A.PopulationStatement => x.kind === 'Criterion' || x.kind === 'CriteriaList',
        );
        return { kind: 'Population', keyword: this.keywordRange(s.k), title, statements: inner, range: r };
      }
    }
    return undefined;
  }

  private criterion(s: Draft, r: A.Range): A.CriterionStmt | undefined {
    const polarityToken = real(s.a);
    if (!polarityToken) return undefined;
    const stmt: A.CriterionStmt = {
      kind: 'Criterion',
      polarity: this.located(polarityToken.image.toLowerCase() as 'include' | 'exclude', polarityToken),
      range: r,
    };
    const measure = this.id(s.ids?.[0]);
    if (measure) {
      const between = s.between;
      const low = between && this.number(between.low);
      const comparator = this.comparator(s.comparator);
      const threshold = this.quantity(between ? between.q : s.quantities?.[0]);
      const limit = this.normalLimit(s.limit);
      if (between ? !low || !threshold : !comparator || (!threshold && !limit)) return undefined;
      stmt.measure = measure;
      if (comparator) stmt.comparator = comparator;
      if (low) stmt.low = low;
      if (threshold) stmt.threshold = threshold;
      if (limit) stmt.limit = limit;
      const note = this.text(s.texts?.[0]);
      if (note) stmt.note = note;
      const wording = this.text(s.wording);
      if (wording) stmt.wording = wording;
    } else {
      const text = this.text(s.texts?.[0]);
      if (!text) return undefined;
      stmt.text = text;
    }
    const marker = s.marker;
    if (marker) {
      const written = this.text(marker.text);
      if (!written) return undefined;
      stmt.marker = { numbered: isReal(marker.k) && marker.k.tokenType === kw.numbered, written, ...(isReal(marker.k) ? { keyword: this.tokenRange(marker.k) } : {}) };
    }
    return stmt;
  }

  /** `inclusion criteria ["heading"] [numbered ["7."] | bullet "-"]` */
  private criteriaList(s: Draft, range: A.Range): A.CriteriaListStmt | undefined {
    const listToken = real(s.k[0]);
    if (!listToken) return undefined;
    const stmt: A.CriteriaListStmt = { kind: 'CriteriaList', list: this.located(listToken.tokenType === kw.inclusion ? 'include' : 'exclude', listToken), range };
    // The heading is the text before `numbered` / `bullet`; the text after `bullet` is the bullet,
    // after `numbered` the first number (`numbered "7."`).
    const bulletToken = real(s.a);
    const numbered = real(s.b);
    const heading = this.text(s.texts?.[0]);
    if (heading) stmt.heading = heading;
    const after = this.text(s.c);
    if (after) {
      if (bulletToken) stmt.bullet = after;
      else if (numbered) stmt.firstNumber = after;
      else stmt.heading = after;
    }
    if (bulletToken && !stmt.bullet) return undefined;
    if (numbered) stmt.numbered = this.tokenRange(numbered);
    return stmt;
  }

  // --- outcomes and schedule ------------------------------------------------------------------

  private outcomeBlock(d: Draft): A.OutcomeBlock | undefined {
    const levelToken = real(d.a);
    const title = this.text(d.texts?.[0]);
    const range = this.rangeOf(d);
    if (!levelToken || !title || !range) return undefined;
    const statements = this.statements<A.OutcomeStatement>(d, (s) => {
      const r = this.rangeOf(s);
      switch (s.rule) {
        case 'descriptionStmt':
          return r && this.textStmt(s, 'description', r);
        case 'timeFrameTextStmt':
          return r && this.textStmt(s, 'timeFrameText', r);
        case 'timeFrameStmt': {
          const points: A.TimePoint[] = [];
          for (const p of s.timePoints ?? []) {
            const point = this.timePoint(p);
            if (point) points.push(point);
          }
          return points.length && r ? { kind: 'TimeFrame', points, range: r } : undefined;
        }
      }
      return undefined;
    });
    return {
      kind: 'OutcomeBlock',
      level: this.located(levelToken.image.toLowerCase() as 'primary' | 'secondary' | 'other', levelToken),
      title,
      statements,
      range,
    };
  }

  private scheduleStatement(s: Draft): A.ScheduleStatement | undefined {
    const r = this.rangeOf(s);
    if (!r) return undefined;
    switch (s.rule) {
      case 'visitStmt': {
        const id = this.id(s.ids?.[0]);
        const at = this.timePoint(s.timePoints?.[0]);
        if (!id || !at) return undefined;
        const visit: A.Visit = { kind: 'Visit', id, at, range: r };
        const period = this.id(s.ids?.[1]);
        if (period) visit.period = period;
        if (isReal(s.a)) {
          const window = this.amount(s.amount);
          if (!window) return undefined;
          visit.window = window;
        }
        return visit;
      }
      case 'periodStmt': {
        const id = this.id(s.ids?.[0]);
        const length = this.quantity(s.quantities?.[0]);
        if (!id || !length) return undefined;
        const period: A.PeriodStmt = { kind: 'Period', id, length, range: r };
        const kindTokens = (s.words?.[0] ?? []).filter(isReal);
        if (kindTokens.length) {
          period.kindWords = {
            value: kindTokens.map((t) => t.image.toLowerCase()).join(' '),
            range: this.range(kindTokens[0]!.startOffset, endOf(kindTokens[kindTokens.length - 1]!)),
          };
        }
        return period;
      }
      case 'assessStmt': {
        const visits = this.nameList(s);
        if (!visits.length) return undefined;
        const measure = this.id(s.ids?.[0]);
        if (measure) return { kind: 'Assess', measure, visits, range: r };
        const procedure = this.text(s.texts?.[0]);
        return procedure && { kind: 'Assess', procedure, visits, range: r };
      }
    }
    return undefined;
  }

  /** The names of a statement's name list (`a, b and c`). */
  private nameList(s: Draft): A.Located<string>[] {
    const out: A.Located<string>[] = [];
    for (const t of s.names ?? []) if (isReal(t)) out.push(this.located(t.image, t));
    return out;
  }

  // --- sites and references -------------------------------------------------------------------

  private siteDecl(d: Draft): A.SiteDecl | undefined {
    const texts = (d.texts ?? []).map((t) => this.text(t));
    // `zip "…"` is the last text when present (after the place).
    const zip = isReal(d.a) ? texts.pop() : undefined;
    const range = this.rangeOf(d);
    const facility = texts[0];
    if (!facility || !range) return undefined;
    const contacts = this.statements(d, (s) => (s.rule === 'contactStmt' ? (this.sponsorsStatement(s) as A.ContactStmt | undefined) : undefined));
    const site: A.SiteDecl = { kind: 'SiteDecl', facility, contacts, range };
    if (zip) site.zip = zip;
    const open = real(d.b);
    if (open && open.tokenType === LCurly) site.contactsBlock = this.range(open.startOffset, range.end.offset);
    const place = texts.slice(1).filter((t): t is A.Located<string> => !!t);
    // `in "City", "Country"` or `in "City", "State", "Country"`; a lone place is the city.
    if (place.length >= 1) site.city = place[0];
    if (place.length === 2) site.country = place[1];
    if (place.length >= 3) {
      site.state = place[1];
      site.country = place[2];
    }
    if (place.length > 3) {
      this.diagnostics.push({
        code: 'syntax-site-place',
        severity: 'error',
        message: 'a site is `in "City", "State", "Country"` (the state may be left out); this one has more parts',
        range: this.range(place[3].range.start.offset, place[place.length - 1].range.end.offset),
      });
    }
    const status = this.words(d.words?.[0]);
    if (status) site.status = status;
    return site;
  }

  private referenceDecl(d: Draft): A.ReferenceDecl | undefined {
    const refType = this.words(d.words?.[0]);
    const citation = this.text(d.texts?.[0]);
    const range = this.rangeOf(d);
    if (!refType || !citation || !range) return undefined;
    const decl: A.ReferenceDecl = { kind: 'ReferenceDecl', refType, citation, range };
    const pmid = real(d.a);
    if (pmid) decl.pmid = this.located(pmid.image, pmid);
    return decl;
  }
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function unescape(raw: string): string {
  return raw.indexOf('\\') === -1 ? raw : raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/**
 * Triple-quoted text: drop the line break after the opening quotes and the indentation common to
 * all non-blank lines, so a text can be indented with its block without the indentation becoming
 * part of it.
 */
export function dedent(raw: string): string {
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 1 && lines[0].trim() === '') lines.shift();
  if (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common).trimEnd()).join('\n');
}
