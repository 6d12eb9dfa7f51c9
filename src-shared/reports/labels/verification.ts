import { text, type ReportLabels } from './text';

export const verificationLabels: ReportLabels = {
  title: text('Verification certificate', '校验证书'),
  about: text(
    'Verify run now: every check with what it counted and the first row at fault, and the certificate signed by whoever ran the report.',
    '当场执行的校验：每项检查的计数与首个出错记录，以及由生成人签名的证书。',
  ),
  sections: {
    checks: {
      title: text('Checks', '检查项'),
      columns: {
        name: text('Check', '检查'),
        result: text('Result', '结果'),
        counts: text('Counted', '计数'),
        firstViolation: text('First row at fault', '首个出错记录'),
        detail: text('Detail', '说明'),
      },
    },
    certificate: {
      title: text('Certificate', '证书'),
      columns: {
        field: text('Field', '字段'),
        value: text('Value', '值'),
      },
    },
  },
};

