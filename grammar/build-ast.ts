/**
 * CST → typed AST. Defensive by design: after error recovery a CST node may lack any child, so
 * every statement whose required parts are missing is dropped (its syntax error is already
 * reported) while the rest of the block survives.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast';
import type { Diagnostic } from './diagnostic';
import { frequencyOf, routeOf } from './vocabulary';
import { LineIndex } from './line-index';

type Children = Record<string, CstElement[] | undefined>;

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly lines: LineIndex) {}

  // --- ranges and leaves ----------------------------------------------------------------------

  private isReal(token: IToken | undefined): token is IToken {
    return !!token && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
  }

  private tokenRange(token: IToken): A.Range {
    return this.lines.range(token.startOffset, token.startOffset + token.image.length);
  }

  /** The range covering every real token below a CST element. */
  private rangeOf(...elements: (CstElement | undefined)[]): A.Range | undefined {
    let start = Infinity;
    let end = -Infinity;
    const visit = (element: CstElement | undefined): void => {
      if (!element) return;
      if ('image' in element) {
        if (this.isReal(element)) {
          start = Math.min(start, element.startOffset);
          end = Math.max(end, element.startOffset + element.image.length);
        }
        return;
      }
      // The parser records each node's offsets; only nodes that recovery touched need the walk.
      const location = element.location;
      if (!element.recoveredNode && location && Number.isFinite(location.startOffset) && Number.isFinite(location.endOffset)) {
        start = Math.min(start, location.startOffset);
        end = Math.max(end, (location.endOffset as number) + 1);
        return;
      }
      for (const list of Object.values(element.children)) for (const child of list ?? []) visit(child);
    };
    elements.forEach(visit);
    return start === Infinity ? undefined : this.lines.range(start, end);
  }

  private token(children: Children, name: string, index = 0): IToken | undefined {
    const t = children[name]?.[index] as IToken | undefined;
    return this.isReal(t) ? t : undefined;
  }

  private node(children: Children, name: string, index = 0): CstNode | undefined {
    return children[name]?.[index] as CstNode | undefined;
  }

  private nodes(children: Children, name: string): CstNode[] {
    return (children[name] ?? []) as CstNode[];
  }

  private located<T>(value: T, token: IToken): A.Located<T> {
    return { value, range: this.tokenRange(token) };
  }

  private keywordRange(children: Children, names: string[]): A.Range {
    const tokens = names.map((n) => this.token(children, n)).filter((t): t is IToken => !!t);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return this.lines.range(0, 0);
    return this.lines.range(first.startOffset, last.startOffset + last.image.length);
  }

  // --- values ---------------------------------------------------------------------------------

  /** Text value of a quoted or triple-quoted text; an unterminated quote is reported here. */
  private text(node: CstNode | undefined): A.Located<string> | undefined {
    if (!node) return undefined;
    const c = node.children as Children;
    const single = this.token(c, 'Text');
    if (single) return this.located(unescape(single.image.slice(1, -1)), single);
    const triple = this.token(c, 'TripleText');
    if (triple) return this.located(dedent(triple.image.slice(3, -3)), triple);
    const open = this.token(c, 'UnterminatedText');
    if (open) {
      this.diagnostics.push({
        code: 'syntax-unclosed-text',
        severity: 'error',
        message: 'this text has no closing quote (") on its line; use """ … """ for text over several lines',
        range: this.tokenRange(open),
      });
      return this.located(unescape(open.image.slice(1)), open);
    }
    return undefined;
  }

  private words(node: CstNode | undefined): A.Located<string> | undefined {
    if (!node) return undefined;
    const tokens = ((node.children as Children).Word ?? []) as IToken[];
    const real = tokens.filter((t) => this.isReal(t));
    if (real.length === 0) return undefined;
    const range = this.rangeOf(node);
    return range && { value: real.map((t) => t.image).join(' '), range };
  }

  private number(token: IToken | undefined): A.NumberValue | undefined {
    // The number as written is kept (`3.0`), so rendered text keeps the writer's precision.
    return token ? { ...this.located(Number(token.image), token), written: token.image } : undefined;
  }

  private unitToken(node: CstNode | undefined): IToken | undefined {
    if (!node) return undefined;
    const c = node.children as Children;
    for (const list of Object.values(c)) {
      const t = list?.[0] as IToken | undefined;
      if (this.isReal(t)) return t;
    }
    return undefined;
  }

  private quantity(node: CstNode | undefined): A.Quantity | undefined {
    if (!node) return undefined;
    const c = node.children as Children;
    const value = this.number(this.token(c, 'NumberLiteral'));
    const unit = this.unitToken(this.node(c, 'unitOrTimeWord'));
    const range = this.rangeOf(node);
    if (!value || !unit || !range) return undefined;
    return { kind: 'Quantity', value, unit: this.located(unit.image, unit), range };
  }

  private amount(node: CstNode | undefined): A.Amount | undefined {
    if (!node) return undefined;
    const c = node.children as Children;
    const first = this.number(this.token(c, 'NumberLiteral', 0));
    const second = this.number(this.token(c, 'NumberLiteral', 1));
    const unit = this.unitToken(this.node(c, 'unitOrTimeWord'));
    const range = this.rangeOf(node);
    if (!first || !unit || !range) return undefined;
    const unitLocated = this.located(unit.image, unit);
    return second
      ? { kind: 'Amount', low: first, value: second, unit: unitLocated, range }
      : { kind: 'Amount', value: first, unit: unitLocated, range };
  }

  private comparator(node: CstNode | undefined): A.Located<A.Comparator> | undefined {
    const t = this.unitToken(node);
    if (!t) return undefined;
    const canonical = ({ '≥': '>=', '≤': '<=' } as Record<string, string>)[t.image] ?? t.image;
    return this.located(canonical as A.Comparator, t);
  }

  private timePoint(node: CstNode | undefined): A.TimePoint | undefined {
    if (!node) return undefined;
    const c = node.children as Children;
    const unitToken = this.token(c, 'KwDay') ?? this.token(c, 'KwWeek') ?? this.token(c, 'KwMonth') ?? this.token(c, 'KwYear');
    const value = this.number(this.token(c, 'NumberLiteral'));
    const range = this.rangeOf(node);
    if (!unitToken || !value || !range) return undefined;
    return { kind: 'TimePoint', unit: this.located(unitToken.image.toLowerCase() as A.TimeUnitWord, unitToken), value, range };
  }

  private actualOrEstimated(node: CstNode | undefined): A.Located<A.ActualOrEstimated> | undefined {
    const t = this.unitToken(node);
    return t ? this.located(t.image.toLowerCase() as A.ActualOrEstimated, t) : undefined;
  }

  // --- document -------------------------------------------------------------------------------

  /** The top-level items of a `document` CST, in source order. */
  topItems(cst: CstNode): A.TopItem[] {
    const c = cst.children as Children;
    const items: A.TopItem[] = [];
    const builders: Record<string, (n: CstNode) => A.TopItem | undefined> = {
      trialBlock: (n) => this.trialBlock(n),
      designBlock: (n) => this.designBlock(n),
      sponsorsBlock: (n) => this.sponsorsBlock(n),
      measureDecl: (n) => this.measureDecl(n),
      interventionBlock: (n) => this.interventionBlock(n),
      armBlock: (n) => this.armBlock(n),
      groupBlock: (n) => this.groupBlock(n),
      oversightBlock: (n) => this.oversightBlock(n),
      ipdSharingBlock: (n) => this.ipdSharingBlock(n),
      eligibilityBlock: (n) => this.eligibilityBlock(n),
      outcomeBlock: (n) => this.outcomeBlock(n),
      scheduleBlock: (n) => this.scheduleBlock(n),
      siteDecl: (n) => this.siteDecl(n),
      referenceDecl: (n) => this.referenceDecl(n),
    };
    for (const [name, build] of Object.entries(builders)) {
      for (const n of this.nodes(c, name)) {
        const item = build(n);
        if (item) items.push(item);
      }
    }
    return items.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  /** Statements of a block, in source order, dropping those recovery left incomplete. */
  private statements<T extends { range: A.Range }>(
    block: CstNode,
    ruleName: string,
    build: (inner: CstNode, innerName: string) => T | undefined,
  ): T[] {
    const out: T[] = [];
    for (const wrapper of this.nodes(block.children as Children, ruleName)) {
      for (const [innerName, list] of Object.entries(wrapper.children)) {
        for (const inner of list ?? []) {
          if ('image' in inner) continue;
          const stmt = build(inner, innerName);
          if (stmt) out.push(stmt);
        }
      }
    }
    return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  private textStmt(n: CstNode, field: A.TextField, keywords: string[], textIndex = 0): A.TextStmt | undefined {
    const c = n.children as Children;
    const text = this.text(this.node(c, 'text', textIndex));
    const range = this.rangeOf(n);
    if (!text || !range) return undefined;
    return { kind: 'Text', field, keyword: this.keywordRange(c, keywords), text, range };
  }

  private wordsStmt(n: CstNode, field: A.WordsField, keywords: string[]): A.WordsStmt | undefined {
    const c = n.children as Children;
    const words = this.words(this.node(c, 'words'));
    const range = this.rangeOf(n);
    if (!words || !range) return undefined;
    return { kind: 'Words', field, keyword: this.keywordRange(c, keywords), words, range };
  }

  // --- trial ----------------------------------------------------------------------------------

  private trialBlock(n: CstNode): A.TrialBlock | undefined {
    const c = n.children as Children;
    const range = this.rangeOf(n);
    if (!range) return undefined;
    const statements = this.statements<A.TrialStatement>(n, 'trialStatement', (s, name) => this.trialStatement(s, name));
    return { kind: 'TrialBlock', keyword: this.keywordRange(c, ['KwTrial']), statements, range };
  }

  private trialStatement(n: CstNode, name: string): A.TrialStatement | undefined {
    const c = n.children as Children;
    const range = this.rangeOf(n);
    if (!range) return undefined;
    switch (name) {
      case 'nctIdStmt': {
        const id = this.token(c, 'Identifier');
        return id && { kind: 'NctId', id: this.located(id.image, id), range };
      }
      case 'orgStudyIdStmt': {
        const id = this.text(this.node(c, 'text'));
        return id && { kind: 'OrgStudyId', id, range };
      }
      case 'secondaryIdStmt': {
        const id = this.text(this.node(c, 'text', 0));
        if (!id) return undefined;
        const stmt: A.SecondaryIdStmt = { kind: 'SecondaryId', id, range };
        const idType = this.words(this.node(c, 'words'));
        if (idType) stmt.idType = idType;
        const domain = this.text(this.node(c, 'text', 1));
        if (domain) stmt.domain = domain;
        return stmt;
      }
      case 'briefTitleStmt':
        return this.textStmt(n, 'briefTitle', ['KwBrief', 'KwTitle']);
      case 'officialTitleStmt':
        return this.textStmt(n, 'officialTitle', ['KwOfficial', 'KwTitle']);
      case 'acronymStmt':
        return this.textStmt(n, 'acronym', ['KwAcronym']);
      case 'studyTypeStmt':
        return this.wordsStmt(n, 'studyType', ['KwStudy', 'KwType']);
      case 'phaseStmt': {
        const phases = this.nodes(c, 'phaseValue')
          .map((p) => {
            const r = this.rangeOf(p);
            const tokens = Object.values(p.children).flat() as IToken[];
            const real = tokens.filter((t) => this.isReal(t)).sort((a, b) => a.startOffset - b.startOffset);
            return r && real.length ? { value: real.map((t) => t.image.toLowerCase()).join(' '), range: r } : undefined;
          })
          .filter((p): p is A.Located<string> => !!p);
        return phases.length ? { kind: 'Phase', phases, range } : undefined;
      }
      case 'statusStmt':
        return this.wordsStmt(n, 'status', ['KwStatus']);
      case 'whyStoppedStmt':
        return this.textStmt(n, 'whyStopped', ['KwWhy', 'KwStopped']);
      case 'dateStmt': {
        const field: A.DateField = this.token(c, 'KwPrimary') ? 'primaryCompletion' : this.token(c, 'KwStart') ? 'start' : 'completion';
        const dateToken = this.token(c, 'DateLiteral') ?? this.token(c, 'NumberLiteral') ?? this.token(c, 'Identifier');
        if (!dateToken) return undefined;
        const stmt: A.DateStmt = {
          kind: 'Date',
          field,
          keyword: this.keywordRange(c, ['KwStart', 'KwPrimary', 'KwCompletion']),
          date: this.located(dateToken.image, dateToken),
          range,
        };
        const type = this.actualOrEstimated(this.node(c, 'actualOrEstimated'));
        if (type) stmt.dateType = type;
        return stmt;
      }
      case 'enrollmentStmt': {
        const placeholder = this.token(c, 'Identifier');
        const count = this.number(this.token(c, 'NumberLiteral'));
        if (!count && !placeholder) return undefined;
        const stmt: A.EnrollmentStmt = count ? { kind: 'Enrollment', count, range } : { kind: 'Enrollment', placeholder: this.located(placeholder!.image, placeholder!), range };
        const type = this.actualOrEstimated(this.node(c, 'actualOrEstimated'));
        if (type) stmt.countType = type;
        return stmt;
      }
      case 'durationStmt': {
        const duration = this.quantity(this.node(c, 'quantity'));
        return duration && { kind: 'Duration', duration, range };
      }
      case 'conditionStmt':
        return this.textStmt(n, 'condition', ['KwCondition']);
      case 'keywordStmt':
        return this.textStmt(n, 'keyword', ['KwKeyword']);
      case 'summaryStmt':
        return this.textStmt(n, 'summary', ['KwSummary']);
      case 'detailsStmt':
        return this.textStmt(n, 'details', ['KwDetails']);
      case 'expandedAccessStmt': {
        const answer = this.token(c, 'Word');
        if (!answer) return undefined;
        const stmt: A.ExpandedAccessStmt = {
          kind: 'ExpandedAccess',
          keyword: this.keywordRange(c, ['KwExpanded', 'KwAccess']),
          answer: this.located(answer.image, answer),
          range,
        };
        const nct = this.token(c, 'Identifier');
        if (nct) stmt.nctId = this.located(nct.image, nct);
        const status = this.words(this.node(c, 'words'));
        if (status) stmt.status = status;
        return stmt;
      }
    }
    return undefined;
  }

  // --- design ---------------------------------------------------------------------------------

  private designBlock(n: CstNode): A.DesignBlock | undefined {
    const range = this.rangeOf(n);
    if (!range) return undefined;
    const statements = this.statements<A.DesignStatement>(n, 'designStatement', (s, name) => {
      const c = s.children as Children;
      const r = this.rangeOf(s);
      if (!r) return undefined;
      switch (name) {
        case 'allocationStmt':
          return this.wordsStmt(s, 'allocation', ['KwAllocation']);
        case 'purposeStmt':
          return this.wordsStmt(s, 'purpose', ['KwPurpose']);
        case 'modelStmt': {
          const model = this.words(this.node(c, 'words'));
          if (!model) return undefined;
          const stmt: A.ModelStmt = { kind: 'Model', model, range: r };
          const description = this.text(this.node(c, 'text'));
          if (description) stmt.description = description;
          return stmt;
        }
        case 'maskingStmt': {
          const levelToken = this.token(c, 'Word');
          if (!levelToken) return undefined;
          const roles = this.nodes(c, 'words')
            .map((w) => this.words(w))
            .filter((w): w is A.Located<string> => !!w);
          const stmt: A.MaskingStmt = { kind: 'Masking', level: this.located(levelToken.image, levelToken), roles, range: r };
          const description = this.text(this.node(c, 'text'));
          if (description) stmt.description = description;
          return stmt;
        }
        case 'observationalModelStmt':
          return this.wordsStmt(s, 'observationalModel', ['KwObservational', 'KwModel']);
        case 'timePerspectiveStmt':
          return this.wordsStmt(s, 'timePerspective', ['KwTime', 'KwPerspective']);
        case 'patientRegistryStmt':
          return this.wordsStmt(s, 'patientRegistry', ['KwPatient', 'KwRegistry']);
        case 'biospecimenStmt': {
          const retention = this.words(this.node(c, 'words'));
          if (!retention) return undefined;
          const stmt: A.BiospecimenStmt = { kind: 'Biospecimen', keyword: this.keywordRange(c, ['KwBiospecimen', 'KwRetention']), retention, range: r };
          const description = this.text(this.node(c, 'text'));
          if (description) stmt.description = description;
          return stmt;
        }
        case 'targetDurationStmt': {
          const duration = this.quantity(this.node(c, 'quantity'));
          return duration && { kind: 'TargetDuration', keyword: this.keywordRange(c, ['KwTarget', 'KwDuration']), duration, range: r };
        }
        case 'expandedAccessTypesStmt': {
          const types = this.nodes(c, 'words')
            .map((w) => this.words(w))
            .filter((w): w is A.Located<string> => !!w);
          return types.length ? { kind: 'ExpandedAccessTypes', keyword: this.keywordRange(c, ['KwExpanded', 'KwAccess']), types, range: r } : undefined;
        }
      }
      return undefined;
    });
    return { kind: 'DesignBlock', keyword: this.keywordRange(n.children as Children, ['KwDesign']), statements, range };
  }

  // --- sponsors -------------------------------------------------------------------------------

  private sponsorsBlock(n: CstNode): A.SponsorsBlock | undefined {
    const range = this.rangeOf(n);
    if (!range) return undefined;
    const statements = this.statements<A.SponsorsStatement>(n, 'sponsorsStatement', (s, name) => {
      const c = s.children as Children;
      const r = this.rangeOf(s);
      if (!r) return undefined;
      switch (name) {
        case 'sponsorStmt': {
          const roleToken = this.token(c, 'KwLead') ?? this.token(c, 'KwCollaborator');
          const nameText = this.text(this.node(c, 'text'));
          if (!roleToken || !nameText) return undefined;
          const stmt: A.SponsorStmt = {
            kind: 'Sponsor',
            role: this.located(roleToken.image.toLowerCase() as 'lead' | 'collaborator', roleToken),
            name: nameText,
            range: r,
          };
          const agencyClass = this.words(this.node(c, 'words'));
          if (agencyClass) stmt.agencyClass = agencyClass;
          return stmt;
        }
        case 'responsiblePartyStmt': {
          const partyType = this.words(this.node(c, 'words'));
          const stmt: A.ResponsiblePartyStmt = { kind: 'ResponsibleParty', range: r };
          if (partyType) stmt.partyType = partyType;
          // The texts are, in order: the name, then (after `title`) title, affiliation, (after `organization`) organization.
          const texts = this.nodes(c, 'text');
          const hasTitle = !!this.token(c, 'KwTitle');
          const hasAffiliation = !!this.token(c, 'KwAffiliation');
          const hasOrganization = !!this.token(c, 'KwOrganization');
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
          const nameText = this.text(this.node(c, 'text', 0));
          if (!nameText) return undefined;
          const stmt: A.OfficialStmt = { kind: 'Official', name: nameText, range: r };
          const role = this.words(this.node(c, 'words'));
          if (role) stmt.role = role;
          const affiliation = this.text(this.node(c, 'text', 1));
          if (affiliation) stmt.affiliation = affiliation;
          return stmt;
        }
        case 'contactStmt': {
          const nameText = this.text(this.node(c, 'text', 0));
          if (!nameText) return undefined;
          const stmt: A.ContactStmt = { kind: 'Contact', name: nameText, range: r };
          const role = this.words(this.node(c, 'words'));
          if (role) stmt.role = role;
          let i = 1;
          if (this.token(c, 'KwPhone')) stmt.phone = this.text(this.node(c, 'text', i++));
          if (this.token(c, 'KwEmail')) stmt.email = this.text(this.node(c, 'text', i++));
          return stripUndefined(stmt);
        }
        case 'organizationStmt': {
          const nameText = this.text(this.node(c, 'text'));
          if (!nameText) return undefined;
          const stmt: A.OrganizationStmt = { kind: 'Organization', keyword: this.keywordRange(c, ['KwOrganization']), name: nameText, range: r };
          const agencyClass = this.words(this.node(c, 'words'));
          if (agencyClass) stmt.agencyClass = agencyClass;
          return stmt;
        }
      }
      return undefined;
    });
    return { kind: 'SponsorsBlock', keyword: this.keywordRange(n.children as Children, ['KwSponsors']), statements, range };
  }

  // --- measure --------------------------------------------------------------------------------

  private measureDecl(n: CstNode): A.MeasureDecl | undefined {
    const c = n.children as Children;
    const id = this.token(c, 'Identifier');
    const label = this.text(this.node(c, 'text'));
    const range = this.rangeOf(n);
    if (!id || !label || !range) return undefined;
    const decl: A.MeasureDecl = { kind: 'MeasureDecl', id: this.located(id.image, id), label, range };
    const unitToken = [this.token(c, 'Unit'), ...Object.keys(c).filter((k) => /^Kw(Day|Week|Month|Year)s?$/.test(k)).map((k) => this.token(c, k))].find(
      (t): t is IToken => !!t,
    );
    if (unitToken) decl.unit = this.located(unitToken.image, unitToken);
    return decl;
  }

  // --- intervention ---------------------------------------------------------------------------

  private interventionBlock(n: CstNode): A.InterventionBlock | undefined {
    const c = n.children as Children;
    const id = this.token(c, 'Identifier');
    const range = this.rangeOf(n);
    if (!id || !range) return undefined;
    const statements = this.statements<A.InterventionStatement>(n, 'interventionStatement', (s, name) => this.interventionStatement(s, name));
    return { kind: 'InterventionBlock', keyword: this.keywordRange(c, ['KwIntervention']), id: this.located(id.image, id), statements, range };
  }

  private interventionStatement(n: CstNode, name: string): A.InterventionStatement | undefined {
    const c = n.children as Children;
    const range = this.rangeOf(n);
    if (!range) return undefined;
    switch (name) {
      case 'typeStmt':
        return this.wordsStmt(n, 'interventionType', ['KwType']);
      case 'nameStmt':
        return this.textStmt(n, 'name', ['KwName']);
      case 'otherNameStmt':
        return this.textStmt(n, 'otherName', ['KwOther', 'KwName']);
      case 'descriptionStmt':
        return this.textStmt(n, 'description', ['KwDescription']);
      case 'doseStmt':
        return this.dose(n);
      case 'adjustStmt': {
        const measure = this.token(c, 'Identifier');
        if (!measure) return undefined;
        const stmt: A.AdjustStmt = { kind: 'Adjust', measure: this.located(measure.image, measure), range };
        const target = this.amount(this.node(c, 'amount'));
        if (target) stmt.target = target;
        return stmt;
      }
      case 'taperStmt': {
        const after = this.quantity(this.node(c, 'quantity', 0));
        if (!after) return undefined;
        const stmt: A.TaperStmt = { kind: 'Taper', after, range };
        const over = this.quantity(this.node(c, 'quantity', 1));
        if (over) stmt.over = over;
        return stmt;
      }
      case 'stopStmt': {
        const after = this.quantity(this.node(c, 'quantity'));
        return after && { kind: 'Stop', after, range };
      }
      case 'maxDoseStmt': {
        const amount = this.quantity(this.node(c, 'quantity'));
        const cumulative = this.token(c, 'KwCumulative');
        if (!amount) return undefined;
        return cumulative ? { kind: 'MaxDose', amount, cumulative: this.tokenRange(cumulative), range } : { kind: 'MaxDose', amount, range };
      }
      case 'basisStmt': {
        const basisToken = this.token(c, 'KwWeight') ?? this.token(c, 'KwSurface');
        const text = this.text(this.node(c, 'text'));
        if (!basisToken || !text) return undefined;
        return { kind: 'Basis', basis: this.located(basisToken.image.toLowerCase() as 'weight' | 'surface', basisToken), text, range };
      }
    }
    return undefined;
  }

  private dose(n: CstNode): A.DoseStmt | undefined {
    const c = n.children as Children;
    const amount = this.amount(this.node(c, 'amount'));
    const amountText = amount ? undefined : this.text(this.node(c, 'text'));
    const range = this.rangeOf(n);
    if ((!amount && !amountText) || !range) return undefined;
    const dose: A.DoseStmt = amount ? { kind: 'Dose', amount, range } : { kind: 'Dose', amountText: amountText!, range };

    for (const word of ((c.Identifier ?? []) as IToken[]).filter((t) => this.isReal(t))) {
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

    const dividedNodes = this.nodes(c, 'dividedClause');
    const dividedToken = dividedNodes[0] && this.token(dividedNodes[0].children as Children, 'NumberLiteral');
    if (dividedToken) dose.divided = this.located(Number(dividedToken.image), dividedToken);
    for (const extra of dividedNodes.slice(1)) this.repeated(extra, 'this dose already says how many divided doses');

    const everyNodes = this.nodes(c, 'everyClause');
    const everyNode = everyNodes[0];
    const every = everyNode && this.quantity(this.node(everyNode.children as Children, 'quantity'));
    if (every && everyNode) {
      if (dose.frequency) {
        this.repeated(everyNode, 'this dose already has a frequency; write either a named frequency or `every …`, not both');
      } else {
        dose.frequency = { kind: 'every', interval: every, range: this.rangeOf(everyNode)! };
      }
    }
    for (const extra of everyNodes.slice(1)) this.repeated(extra, 'this dose already has an interval');

    const parts = this.nodes(c, 'schedulePart');
    if (parts.length) {
      const schedule: A.Schedule = { kind: 'Schedule', days: [], range: this.rangeOf(...parts)! };
      for (const part of parts) {
        const pc = part.children as Children;
        if (this.token(pc, 'KwOn')) {
          const list = this.node(pc, 'dayList');
          const days = ((list?.children as Children | undefined)?.NumberLiteral ?? []) as IToken[];
          schedule.days.push(...days.filter((t) => this.isReal(t)).map((t) => this.located(Number(t.image), t)));
        } else if (this.token(pc, 'KwFrom')) {
          const d = this.number(this.token(pc, 'NumberLiteral'));
          if (d) schedule.from = d;
        } else if (this.token(pc, 'KwTo')) {
          const d = this.number(this.token(pc, 'NumberLiteral'));
          if (d) schedule.to = d;
        } else if (this.token(pc, 'KwFor')) {
          const q = this.quantity(this.node(pc, 'quantity'));
          const count = this.number(this.token(pc, 'NumberLiteral'));
          const dosesWord = this.token(pc, 'KwDoses');
          if (q) schedule.for = q;
          else if (count && dosesWord) {
            schedule.for = { kind: 'Quantity', value: count, unit: this.located('doses', dosesWord), range: this.rangeOf(part)! };
          }
        }
      }
      schedule.days.sort((a, b) => a.range.start.offset - b.range.start.offset);
      dose.schedule = schedule;
    }

    const conditionNode = this.node(c, 'condition');
    if (conditionNode) {
      const cc = conditionNode.children as Children;
      const measure = this.token(cc, 'Identifier');
      const r = this.rangeOf(conditionNode);
      if (measure && r) {
        const condition: A.Condition = { kind: 'Condition', measure: this.located(measure.image, measure), range: r };
        const comparator = this.comparator(this.node(cc, 'comparator'));
        const threshold = this.quantity(this.node(cc, 'quantity'));
        if (comparator) condition.comparator = comparator;
        if (threshold) condition.threshold = threshold;
        dose.condition = condition;
      }
    }
    const overNodes = this.nodes(c, 'overClause');
    const infusion = overNodes[0] && this.quantity(this.node(overNodes[0].children as Children, 'quantity'));
    if (infusion) dose.infusion = infusion;
    for (const extra of overNodes.slice(1)) this.repeated(extra, 'this dose already says how long the infusion runs');
    const wording = this.wording(this.node(c, 'wording'));
    if (wording) dose.wording = wording;
    return dose;
  }

  /** `as "…"` → its text. */
  private wording(n: CstNode | undefined): A.Located<string> | undefined {
    return n ? this.text(this.node(n.children as Children, 'text')) : undefined;
  }

  /** `2.5 x ULN` → the multiple and which limit. */
  private normalLimit(n: CstNode | undefined): A.NormalLimitMultiple | undefined {
    if (!n) return undefined;
    const nc = n.children as Children;
    const multiple = this.number(this.token(nc, 'NumberLiteral'));
    const limit = this.token(nc, 'NormalLimit');
    const range = this.rangeOf(n);
    if (!multiple || !limit || !range || !this.isReal(limit)) return undefined;
    const of = /LLN$/i.test(limit.image) ? 'LLN' : 'ULN';
    return { kind: 'NormalLimitMultiple', multiple, of: this.located(of, limit), range };
  }

  private repeated(node: CstNode, message: string): void {
    const range = this.rangeOf(node);
    if (range) this.diagnostics.push({ code: 'dose-repeated-word', severity: 'error', message, range });
  }

  // --- arm ------------------------------------------------------------------------------------

  private armBlock(n: CstNode): A.ArmBlock | undefined {
    const c = n.children as Children;
    const id = this.token(c, 'Identifier');
    const range = this.rangeOf(n);
    if (!id || !range) return undefined;
    const statements = this.statements<A.ArmStatement>(n, 'armStatement', (s, name) => {
      const sc = s.children as Children;
      switch (name) {
        case 'labelStmt':
          return this.textStmt(s, 'label', ['KwLabel']);
        case 'typeStmt':
          return this.wordsStmt(s, 'armType', ['KwType']);
        case 'descriptionStmt':
          return this.textStmt(s, 'description', ['KwDescription']);
        case 'receivesStmt': {
          const target = this.token(sc, 'Identifier');
          const r = this.rangeOf(s);
          if (!target || !r) return undefined;
          const stmt: A.ReceivesStmt = {
            kind: 'Receives',
            intervention: this.located(target.image, target),
            doses: this.nodes(sc, 'doseStmt')
              .map((d) => this.dose(d))
              .filter((d): d is A.DoseStmt => !!d),
            range: r,
          };
          const period = this.token(sc, 'Identifier', 1);
          if (period) stmt.period = this.located(period.image, period);
          const open = this.token(sc, 'LCurly');
          if (open) stmt.overrideBlock = this.lines.range(open.startOffset, r.end.offset);
          return stmt;
        }
        case 'armPeriodsStmt': {
          const periods = this.nameList(this.node(sc, 'nameList'));
          const r = this.rangeOf(s);
          return periods.length && r ? { kind: 'ArmPeriods', periods, range: r } : undefined;
        }
      }
      return undefined;
    });
    return { kind: 'ArmBlock', keyword: this.keywordRange(c, ['KwArm']), id: this.located(id.image, id), statements, range };
  }

  // --- group (observational) ------------------------------------------------------------------

  private groupBlock(n: CstNode): A.ArmBlock | undefined {
    const c = n.children as Children;
    const id = this.token(c, 'Identifier');
    const range = this.rangeOf(n);
    if (!id || !range) return undefined;
    const statements = this.statements<A.ArmStatement>(n, 'groupStatement', (s, name) => {
      const sc = s.children as Children;
      switch (name) {
        case 'labelStmt':
          return this.textStmt(s, 'label', ['KwLabel']);
        case 'descriptionStmt':
          return this.textStmt(s, 'description', ['KwDescription']);
        case 'exposureStmt': {
          const target = this.token(sc, 'Identifier');
          const r = this.rangeOf(s);
          if (!target || !r) return undefined;
          return { kind: 'Receives', intervention: this.located(target.image, target), doses: [], range: r, exposure: true };
        }
      }
      return undefined;
    });
    return { kind: 'ArmBlock', keyword: this.keywordRange(c, ['KwGroup']), id: this.located(id.image, id), statements, range, group: true };
  }

  // --- oversight and IPD sharing --------------------------------------------------------------

  private oversightBlock(n: CstNode): A.OversightBlock | undefined {
    const range = this.rangeOf(n);
    if (!range) return undefined;
    const statements = this.statements<A.OversightStatement>(n, 'oversightStatement', (s, name) => {
      switch (name) {
        case 'fdaRegulatedStmt':
          return this.productFlag(s, { drug: 'fdaRegulatedDrug', device: 'fdaRegulatedDevice' }, ['KwFda', 'KwRegulated'], "'fda regulated'");
        case 'unapprovedDeviceStmt':
          return this.productFlag(s, { device: 'unapprovedDevice' }, ['KwUnapproved'], "'unapproved'");
        case 'pediatricPostmarketStmt':
          return this.productFlag(s, { device: 'pediatricPostmarketDevice' }, ['KwPediatric', 'KwPostmarket'], "'pediatric postmarket'");
        case 'exportedFromUsStmt':
          return this.productFlag(s, { us: 'exportedFromUs' }, ['KwExported', 'KwFrom'], "'exported from'");
        case 'dataMonitoringCommitteeStmt':
          return this.wordsStmt(s, 'dataMonitoringCommittee', ['KwData', 'KwMonitoring', 'KwCommittee']);
        case 'reviewBoardStmt':
          return this.wordsStmt(s, 'reviewBoard', ['KwReview', 'KwBoard']);
      }
      return undefined;
    });
    return { kind: 'OversightBlock', keyword: this.keywordRange(n.children as Children, ['KwOversight']), statements, range };
  }

  /**
   * `fda regulated drug yes`: the product word (`drug`, `device`, `us`) stays a plain word in the
   * lexer, so that interventions may still be named `drug`; it is checked here.
   */
  private productFlag(n: CstNode, fields: Record<string, A.WordsField>, keywords: string[], head: string): A.WordsStmt | undefined {
    const c = n.children as Children;
    const product = this.token(c, 'Identifier');
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
    const stmt = this.wordsStmt(n, field, [...keywords, 'Identifier']);
    return stmt;
  }

  private ipdSharingBlock(n: CstNode): A.IpdSharingBlock | undefined {
    const range = this.rangeOf(n);
    if (!range) return undefined;
    const statements = this.statements<A.IpdSharingStatement>(n, 'ipdSharingStatement', (s, name) => {
      const c = s.children as Children;
      const r = this.rangeOf(s);
      if (!r) return undefined;
      switch (name) {
        case 'planStmt':
          return this.wordsStmt(s, 'ipdSharing', ['KwPlan']);
        case 'descriptionStmt':
          return this.textStmt(s, 'description', ['KwDescription']);
        case 'timeFrameTextStmt':
          return this.textStmt(s, 'timeFrameText', ['KwTime', 'KwFrame']);
        case 'accessCriteriaStmt':
          return this.textStmt(s, 'accessCriteria', ['KwAccess', 'KwCriteria']);
        case 'urlStmt':
          return this.textStmt(s, 'url', ['KwUrl']);
        case 'infoTypesStmt': {
          const types = this.nodes(c, 'words')
            .map((w) => this.words(w))
            .filter((w): w is A.Located<string> => !!w);
          return types.length ? { kind: 'InfoTypes', keyword: this.keywordRange(c, ['KwInfo', 'KwTypes']), types, range: r } : undefined;
        }
      }
      return undefined;
    });
    return { kind: 'IpdSharingBlock', keyword: this.keywordRange(n.children as Children, ['KwIpd', 'KwSharing']), statements, range };
  }

  // --- eligibility ----------------------------------------------------------------------------

  private eligibilityBlock(n: CstNode): A.EligibilityBlock | undefined {
    const range = this.rangeOf(n);
    if (!range) return undefined;
    const statement = (s: CstNode, name: string): A.EligibilityStatement | undefined => {
      const c = s.children as Children;
      const r = this.rangeOf(s);
      if (!r) return undefined;
      switch (name) {
        case 'ageStmt': {
          const quantities = this.nodes(c, 'quantity').map((q) => this.quantity(q));
          const stmt: A.AgeStmt = { kind: 'Age', range: r };
          if (this.token(c, 'KwAny')) return stmt;
          const placeholder = this.token(c, 'Identifier');
          if (placeholder) return { ...stmt, placeholder: this.located(placeholder.image, placeholder) };
          if (this.token(c, 'KwUp')) {
            if (!quantities[0]) return undefined;
            stmt.max = quantities[0];
            return stmt;
          }
          if (!quantities[0]) return undefined;
          stmt.min = quantities[0];
          if (quantities[1]) stmt.max = quantities[1];
          else if (!this.token(c, 'KwOlder')) return undefined;
          return stmt;
        }
        case 'sexStmt':
          return this.wordsStmt(s, 'sex', ['KwSex']);
        case 'genderBasedStmt':
          return this.wordsStmt(s, 'genderBased', ['KwGender', 'KwBased']);
        case 'genderDescriptionStmt':
          return this.textStmt(s, 'genderDescription', ['KwGender', 'KwDescription']);
        case 'healthyVolunteersStmt':
          return this.wordsStmt(s, 'healthyVolunteers', ['KwHealthy', 'KwVolunteers']);
        case 'studyPopulationStmt':
          return this.textStmt(s, 'studyPopulation', ['KwStudy', 'KwPopulation']);
        case 'samplingStmt':
          return this.wordsStmt(s, 'samplingMethod', ['KwSampling']);
        case 'criterionStmt': {
          const polarityToken = this.token(c, 'KwInclude') ?? this.token(c, 'KwExclude');
          if (!polarityToken) return undefined;
          const stmt: A.CriterionStmt = {
            kind: 'Criterion',
            polarity: this.located(polarityToken.image.toLowerCase() as 'include' | 'exclude', polarityToken),
            range: r,
          };
          const measure = this.token(c, 'Identifier');
          if (measure) {
            const between = this.node(c, 'thresholdRange');
            const bc = between?.children as Children | undefined;
            const low = bc && this.number(this.token(bc, 'NumberLiteral'));
            const comparator = this.comparator(this.node(c, 'comparator'));
            const threshold = this.quantity(bc ? this.node(bc, 'quantity') : this.node(c, 'quantity'));
            const limit = this.normalLimit(this.node(c, 'normalLimitMultiple'));
            if (between ? !low || !threshold : !comparator || (!threshold && !limit)) return undefined;
            stmt.measure = this.located(measure.image, measure);
            if (comparator) stmt.comparator = comparator;
            if (low) stmt.low = low;
            if (threshold) stmt.threshold = threshold;
            if (limit) stmt.limit = limit;
            const note = this.text(this.node(c, 'text'));
            if (note) stmt.note = note;
            const wording = this.wording(this.node(c, 'wording'));
            if (wording) stmt.wording = wording;
          } else {
            const text = this.text(this.node(c, 'text'));
            if (!text) return undefined;
            stmt.text = text;
          }
          const marker = this.node(c, 'criterionMarker');
          if (marker) {
            const mc = marker.children as Children;
            const written = this.text(this.node(mc, 'text'));
            if (!written) return undefined;
            stmt.marker = { numbered: this.token(mc, 'KwNumbered') !== undefined, written };
          }
          return stmt;
        }
        case 'criteriaListStmt':
          return this.criteriaList(s);
        case 'criteriaLayoutStmt':
          return { kind: 'CriteriaLayout', range: r };
        case 'populationBlock': {
          const title = this.text(this.node(c, 'text'));
          if (!title) return undefined;
          // A population holds criteria and list headings, built exactly as in the eligibility block.
          const inner = this.statements<A.EligibilityStatement>(s, 'populationStatement', statement)
            .filter((x): x is A.PopulationStatement => x.kind === 'Criterion' || x.kind === 'CriteriaList');
          return { kind: 'Population', keyword: this.keywordRange(c, ['KwPopulation']), title, statements: inner, range: r };
        }
      }
      return undefined;
    };
    const statements = this.statements<A.EligibilityStatement>(n, 'eligibilityStatement', statement);
    return { kind: 'EligibilityBlock', keyword: this.keywordRange(n.children as Children, ['KwEligibility']), statements, range };
  }

  /** `inclusion criteria ["heading"] [numbered ["7."] | bullet "-"]` */
  private criteriaList(s: CstNode): A.CriteriaListStmt | undefined {
    const c = s.children as Children;
    const range = this.rangeOf(s);
    const listToken = this.token(c, 'KwInclusion') ?? this.token(c, 'KwExclusion');
    if (!range || !listToken) return undefined;
    const stmt: A.CriteriaListStmt = {
      kind: 'CriteriaList',
      list: this.located(listToken.tokenType.name === 'KwInclusion' ? 'include' : 'exclude', listToken),
      range,
    };
    // The heading is the text before `numbered` / `bullet`; the text after `bullet` is the bullet,
    // after `numbered` the first number (`numbered "7."`).
    const bulletToken = this.token(c, 'KwBullet');
    const numbered = this.token(c, 'KwNumbered');
    for (const t of this.nodes(c, 'text')) {
      const text = this.text(t);
      if (!text) continue;
      const at = t.location?.startOffset ?? 0;
      if (bulletToken && at > bulletToken.startOffset) stmt.bullet = text;
      else if (numbered && at > numbered.startOffset) stmt.firstNumber = text;
      else stmt.heading = text;
    }
    if (bulletToken && !stmt.bullet) return undefined;
    if (numbered) stmt.numbered = this.tokenRange(numbered);
    return stmt;
  }

  // --- outcomes and schedule ------------------------------------------------------------------

  private outcomeBlock(n: CstNode): A.OutcomeBlock | undefined {
    const c = n.children as Children;
    const levelToken = this.token(c, 'KwPrimary') ?? this.token(c, 'KwSecondary') ?? this.token(c, 'KwOther');
    const title = this.text(this.node(c, 'text'));
    const range = this.rangeOf(n);
    if (!levelToken || !title || !range) return undefined;
    const statements = this.statements<A.OutcomeStatement>(n, 'outcomeStatement', (s, name) => {
      const sc = s.children as Children;
      switch (name) {
        case 'descriptionStmt':
          return this.textStmt(s, 'description', ['KwDescription']);
        case 'timeFrameTextStmt':
          return this.textStmt(s, 'timeFrameText', ['KwTime', 'KwFrame']);
        case 'timeFrameStmt': {
          const points = this.nodes(sc, 'timePoint')
            .map((p) => this.timePoint(p))
            .filter((p): p is A.TimePoint => !!p);
          const r = this.rangeOf(s);
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

  private scheduleBlock(n: CstNode): A.ScheduleBlock | undefined {
    const range = this.rangeOf(n);
    if (!range) return undefined;
    const statements = this.statements<A.ScheduleStatement>(n, 'scheduleStatement', (s, name) => {
      const c = s.children as Children;
      const r = this.rangeOf(s);
      if (!r) return undefined;
      switch (name) {
        case 'visitStmt': {
          const id = this.token(c, 'Identifier', 0);
          const at = this.timePoint(this.node(c, 'timePoint'));
          if (!id || !at) return undefined;
          const visit: A.Visit = { kind: 'Visit', id: this.located(id.image, id), at, range: r };
          const period = this.token(c, 'Identifier', 1);
          if (period) visit.period = this.located(period.image, period);
          if (this.token(c, 'KwWindow')) {
            const window = this.amount(this.node(c, 'amount'));
            if (!window) return undefined;
            visit.window = window;
          }
          return visit;
        }
        case 'periodStmt': {
          const id = this.token(c, 'Identifier');
          const length = this.quantity(this.node(c, 'quantity'));
          if (!id || !length) return undefined;
          const period: A.PeriodStmt = { kind: 'Period', id: this.located(id.image, id), length, range: r };
          const kindTokens = ((c.Word ?? []) as IToken[]).filter((t) => this.isReal(t));
          if (kindTokens.length) {
            period.kindWords = {
              value: kindTokens.map((t) => t.image.toLowerCase()).join(' '),
              range: this.lines.range(kindTokens[0]!.startOffset, kindTokens[kindTokens.length - 1]!.startOffset + kindTokens[kindTokens.length - 1]!.image.length),
            };
          }
          return period;
        }
        case 'assessStmt': {
          const visits = this.nameList(this.node(c, 'nameList'));
          if (!visits.length) return undefined;
          const measure = this.token(c, 'Identifier');
          if (measure) return { kind: 'Assess', measure: this.located(measure.image, measure), visits, range: r };
          const procedure = this.text(this.node(c, 'text'));
          return procedure && { kind: 'Assess', procedure, visits, range: r };
        }
      }
      return undefined;
    });
    return { kind: 'ScheduleBlock', keyword: this.keywordRange(n.children as Children, ['KwSchedule']), statements, range };
  }

  /** The names of a `nameList` (`a, b and c`). */
  private nameList(node: CstNode | undefined): A.Located<string>[] {
    const tokens = ((node?.children as Children | undefined)?.Identifier ?? []) as IToken[];
    return tokens.filter((t) => this.isReal(t)).sort((a, b) => a.startOffset - b.startOffset).map((t) => this.located(t.image, t));
  }

  // --- sites and references -------------------------------------------------------------------

  private siteDecl(n: CstNode): A.SiteDecl | undefined {
    const c = n.children as Children;
    const texts = this.nodes(c, 'text').map((t) => this.text(t));
    const range = this.rangeOf(n);
    const facility = texts[0];
    if (!facility || !range) return undefined;
    const site: A.SiteDecl = { kind: 'SiteDecl', facility, range };
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
        range: this.lines.range(place[3].range.start.offset, place[place.length - 1].range.end.offset),
      });
    }
    const status = this.words(this.node(c, 'words'));
    if (status) site.status = status;
    return site;
  }

  private referenceDecl(n: CstNode): A.ReferenceDecl | undefined {
    const c = n.children as Children;
    const refType = this.words(this.node(c, 'words'));
    const citation = this.text(this.node(c, 'text'));
    const range = this.rangeOf(n);
    if (!refType || !citation || !range) return undefined;
    const decl: A.ReferenceDecl = { kind: 'ReferenceDecl', refType, citation, range };
    const pmid = this.token(c, 'NumberLiteral');
    if (pmid) decl.pmid = this.located(pmid.image, pmid);
    return decl;
  }
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function unescape(raw: string): string {
  return raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
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
