/**
 * Settings, read live: pulled per document through `workspace/configuration` when the client can,
 * re-pulled on `workspace/didChangeConfiguration`; otherwise taken from the pushed notification.
 */
import type { Connection } from 'vscode-languageserver/node';
import { CONFIG_SECTION, DEFAULT_SETTINGS, type SeverityLevel, type TrialSettings } from './protocol';

const LEVELS = new Set<SeverityLevel>(['error', 'warning', 'information', 'hint', 'off']);

/** Whatever the client sends, as complete settings (unknown or malformed parts fall back to defaults). */
export function normalizeSettings(raw: unknown): TrialSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const rules = (r.rules && typeof r.rules === 'object' ? r.rules : {}) as Record<string, unknown>;
  const severity: Record<string, SeverityLevel> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, level] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level as SeverityLevel)) severity[code] = level as SeverityLevel;
    }
  }
  const trace = r.trace?.server;
  return {
    rules: {
      units: typeof rules.units === 'boolean' ? rules.units : DEFAULT_SETTINGS.rules.units,
      schedule: typeof rules.schedule === 'boolean' ? rules.schedule : DEFAULT_SETTINGS.rules.schedule,
      registry: typeof rules.registry === 'boolean' ? rules.registry : DEFAULT_SETTINGS.rules.registry,
    },
    severity,
    export: { folder: typeof r.export?.folder === 'string' ? r.export.folder : '' },
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}

export function sameSettings(a: TrialSettings, b: TrialSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class Settings {
  private pull = false;
  private global: TrialSettings = DEFAULT_SETTINGS;
  private readonly perDocument = new Map<string, Promise<TrialSettings>>();
  /** The last settings resolved per document, for synchronous use by features. */
  private readonly resolved = new Map<string, TrialSettings>();

  constructor(private readonly connection: Connection) {}

  setPullSupported(value: boolean): void {
    this.pull = value;
  }

  /** `workspace/didChangeConfiguration`: forget what was pulled; take pushed settings when not pulling. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    if (!this.pull) {
      const section = (pushed as Record<string, unknown> | undefined)?.[CONFIG_SECTION];
      this.global = normalizeSettings(section ?? pushed);
    }
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
    this.resolved.delete(uri);
  }

  get(uri: string): Promise<TrialSettings> {
    if (!this.pull) return Promise.resolve(this.global);
    let p = this.perDocument.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: CONFIG_SECTION })
        .then(normalizeSettings, () => this.global);
      this.perDocument.set(uri, p);
    }
    return p.then((s) => {
      this.resolved.set(uri, s);
      return s;
    });
  }

  /** The last known settings for a document (defaults before the first pull). */
  current(uri: string): TrialSettings {
    return this.resolved.get(uri) ?? this.global;
  }
}
