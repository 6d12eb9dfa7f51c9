import type { ReportLanguage } from '../../contract/reports';

// Report words live in src-shared, not in the renderer's i18n files: the main process writes the
// same titles and column names into CSV and PDF files (and the CLI into JSON) as the screen shows.

export type Text = Record<ReportLanguage, string>;

export interface SectionLabels {
  title: Text;
  columns: Record<string, Text>;
}

export interface ReportLabels {
  title: Text;
  /** One line under the title: what the report answers. */
  about: Text;
  sections: Record<string, SectionLabels>;
}

export const text = (en: string, zh: string): Text => ({ en, 'zh-CN': zh });
