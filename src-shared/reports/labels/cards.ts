import { text, type ReportLabels } from './text';

// TODO(issue 12): sections and columns.
export const cardsLabels: ReportLabels = {
  title: text('Card register', '卡片登记簿'),
  about: text('', ''),
  sections: {},
};
