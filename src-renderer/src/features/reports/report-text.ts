import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportLanguage } from '../../../../src-shared/contract/reports';
import { PARAMETER_LABELS, REPORT_LABELS, type Text } from '../../../../src-shared/reports/labels';
import type { ReportId } from '../../../../src-shared/reports/report-access';

// Report titles, sections and columns come from src-shared (the CSV and PDF files say the same
// words); the screen picks the interface language's version.

export function reportLanguage(language: string): ReportLanguage {
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** `say(text)`: a shared label in the interface language. */
export function useReportText(): (text: Text) => string {
  const { i18n } = useTranslation();
  return useCallback((text: Text) => text[reportLanguage(i18n.language)], [i18n.language]);
}

/** A section's title, or its id when the labels do not name it yet. */
export function sectionTitle(report: ReportId, section: string, say: (text: Text) => string): string {
  const labels = REPORT_LABELS[report].sections[section];
  return labels ? say(labels.title) : section;
}

/** A column's label, or its key when the labels do not name it yet. */
export function columnLabel(report: ReportId, section: string, column: string, say: (text: Text) => string): string {
  const label = REPORT_LABELS[report].sections[section]?.columns[column];
  return label ? say(label) : column;
}

/** A parameter's name as the report's header states it. */
export function parameterLabel(name: string, say: (text: Text) => string): string {
  const label = PARAMETER_LABELS[name];
  return label ? say(label) : name;
}
