import { text, type ReportLabels, type Text } from './text';

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

/**
 * The certificate section's `field` cells are the certificate's JSON paths (so a row reads back
 * to the file an auditor keeps); these are their names in words, for a screen or file to show beside them.
 */
export const CERTIFICATE_FIELD_LABELS: Record<string, Text> = {
  format: text('Format', '格式'),
  version: text('Format version', '格式版本'),
  takenAt: text('Taken at', '校验时间'),
  takenBy: text('Taken by', '校验人'),
  schemaVersion: text('Schema version', '数据库结构版本'),
  ok: text('Result', '结果'),
  'chains.journal.length': text('Journal length', '交易日记账长度'),
  'chains.journal.lastId': text('Journal head id', '交易日记账链头编号'),
  'chains.journal.head': text('Journal head hash', '交易日记账链头哈希'),
  'chains.audit.length': text('Audit log length', '审计日志长度'),
  'chains.audit.lastId': text('Audit log head id', '审计日志链头编号'),
  'chains.audit.head': text('Audit log head hash', '审计日志链头哈希'),
  'chains.certificates.length': text('Staff certificates length', '员工证书链长度'),
  'chains.certificates.lastId': text('Staff certificates head id', '员工证书链头编号'),
  'chains.certificates.head': text('Staff certificates head hash', '员工证书链头哈希'),
  'chains.checkpoints.length': text('Checkpoints length', '检查点链长度'),
  'chains.checkpoints.lastId': text('Checkpoints head id', '检查点链头编号'),
  'chains.checkpoints.head': text('Checkpoints head hash', '检查点链头哈希'),
  trustFingerprint: text('Trust fingerprint', '信任指纹'),
  'signature.value': text('Signature', '签名'),
  'signature.publicKey': text('Signer key', '签名人公钥'),
  anchor: text('Anchor (for verify --anchor)', '锚点（供 verify --anchor 使用）'),
};
