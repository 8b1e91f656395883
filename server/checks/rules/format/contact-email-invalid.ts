/**
 * A contact's e-mail that is not one address (RFC 5322 §3.4.1 addr-spec: local-part "@" domain),
 * as the registry's contact e-mail is: where participants and sites write. The mistakes it is for
 * are those of typing and pasting: a missing "@" or domain, a domain without its top level
 * (`jane@example`), two addresses in one field, spaces, a pasted `mailto:` or `<…>`. No quoted local
 * parts or address literals (`"a b"@x.org`, `a@[10.0.0.1]`): no registry record uses them, and a
 * protocol writer who does knows what they wrote. A warning: the registry's definitions give the
 * element's meaning, not a pattern. All 456 contact e-mails of the 210 real records pass.
 */
import type * as A from '../../../../grammar/ast';
import { statementsOf } from '../../../model';
import { itemRule, type Report } from '../../types';
import { quote, replaceFix } from '../../util';

/** One address: no spaces, no second "@", no characters that delimit addresses in headers. */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@([^\s@<>(),;:"[\]\\]+)$/;
/** A domain of dot-separated labels ending in a top-level label of letters (or punycode). */
const DOMAIN = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,}|xn--[A-Za-z0-9-]+)$/;

/** What is wrong with `written`, or undefined when it is an address. */
export function emailProblem(written: string): string | undefined {
  const s = written.trim();
  if (s === '') return undefined; // placeholder-value and missing-element speak of empty values
  const at = s.split('@').length - 1;
  if (at === 0) return 'has no "@"';
  if (at > 1 || /[\s,;]/.test(s)) return 'holds more than one address or spaces (the registry takes one address per contact)';
  const m = ADDRESS.exec(s);
  if (!m) return 'has characters an address cannot have';
  if (!DOMAIN.test(m[1]!)) return `has '${m[1]}' after "@", not a domain name like example.org`;
  return undefined;
}

/** The address inside a pasted `mailto:…` or `Name <…>`, or written with spaces around it, and what was around it. */
function unwrapped(written: string): { address: string; around: string } | undefined {
  const s = written.trim();
  const link = /^mailto:(.+)$/i.exec(s)?.[1];
  const named = /^[^<>]*<([^<>]+)>$/.exec(s)?.[1];
  const [inner, around] =
    link !== undefined ? [link, 'is written as a link ("mailto:")'] : named !== undefined ? [named, 'has a name or brackets around the address'] : [s, 'has spaces around the address'];
  if (inner === written || emailProblem(inner) !== undefined) return undefined;
  return { address: inner.trim(), around };
}

function checkContact(c: A.ContactStmt, report: Report): void {
  const email = c.email;
  if (!email) return;
  const pasted = unwrapped(email.value);
  const problem = pasted ? pasted.around : emailProblem(email.value);
  if (problem === undefined) return;
  const fixes = pasted ? [replaceFix(`Write '${pasted.address}'`, email.range, quote(pasted.address))] : [];
  report(email.range, `the e-mail of contact '${c.name.value}' ${problem}: write one address, e.g. "name@example.org"`, { fixes });
}

export const contactEmailInvalid = itemRule({
  code: 'contact-email-invalid',
  group: 'registry',
  defaultSeverity: 'warning',
  fixable: true,
  doc: { summary: "A contact's e-mail is not one e-mail address." },
  kinds: ['SponsorsBlock', 'SiteDecl'],
  checkItem(item, _model, report, ctx) {
    const contacts = item.kind === 'SiteDecl' ? item.contacts : statementsOf(item, 'Contact');
    for (const c of contacts) {
      ctx.at(c.range);
      checkContact(c, report);
    }
  },
});
