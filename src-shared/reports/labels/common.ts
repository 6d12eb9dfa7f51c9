import { text, type Text } from './text';

/** The words every report's header and footer use. */
export const HEADER_LABELS = {
  parameters: text('Parameters', '参数'),
  madeAt: text('Made at', '生成时间'),
  madeBy: text('Made by', '生成人'),
  journalHead: text('Journal head', '交易日记账链头'),
  auditHead: text('Audit log head', '审计日志链头'),
  trustFingerprint: text('Trust fingerprint', '信任指纹'),
  page: text('Page {page} of {pages}', '第 {page} 页，共 {pages} 页'),
  noRows: text('No rows for these parameters.', '此参数下没有记录。'),
} satisfies Record<string, Text>;

/** Parameter names as a report's header states them. */
export const PARAMETER_LABELS: Record<string, Text> = {
  asOf: text('As of', '截至'),
  from: text('From', '起始'),
  to: text('To', '截止'),
  member: text('Member', '会员'),
  memberName: text('Member name', '会员姓名'),
  batch: text('Batch', '批次'),
  actor: text('Actor', '操作人'),
  action: text('Action', '操作'),
  entity: text('Entity', '对象'),
  currency: text('Currency', '币种'),
  redemptionRate: text('Redemption rate', '兑换比率'),
};
