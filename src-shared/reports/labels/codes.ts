import type { ReportLanguage } from '../../contract/reports';
import type { AccountKind } from '../../contract/ledger';
import type { CancelReason, CardState, PROGRAM_MODES, PROGRAM_STATUSES } from '../../contract/cards';
import type { BatchStatus, ItemStatus } from '../../contract/payouts';
import type { WalletOperation } from '../../contract/wallets';
import type { LIMIT_INTERVALS } from '../../cards/limits';
import type { RowCode } from '../../row-codes';
import { text, type Text } from './text';

// The words for a report's `code` cells, by column key. A screen and a PDF show the word in the
// reader's language; CSV and JSON keep the code, which scripts read and which never changes.
// The words are the renderer's own (src-renderer/src/i18n/<language>/*.json, named beside each
// map), copied here because src-shared cannot import the renderer: a report and the screen it
// came from say the same thing. A code with no word (a newer Paydesk wrote it) is shown as it is.
//
// One key can carry two value sets in two reports; each such key has one map of both sets:
// - kind:   account kinds (trial balance) and transfer kinds (statement movements and points); no
//           value is in both sets.
// - status: payout batch statuses (lowercase) and payout item statuses (uppercase) in the payout
//           report, card program statuses in the card register; no value is in two sets.
// - code:   payout item codes (row codes) in the payout report; the trial balance's `code` is an
//           account's own code (1000-CNY, a wallet's), which has no word and is shown as it is.
// - name:   verify's check names; `name` elsewhere is a text column (an account's, a member's).
// Code columns left as codes: currency (ISO 4217), memberNumber, receiptNumber, teller, approver,
// expiryMonth, bin, and a check's firstViolation (a row reference such as members#12).

/** ledger.json `kind`. */
const ACCOUNT_KIND_WORDS: Record<AccountKind, Text> = {
  asset: text('Asset', '资产'),
  liability: text('Liability', '负债'),
  equity: text('Equity', '权益'),
  income: text('Income', '收入'),
  expense: text('Expense', '费用'),
};

/** journal.json `kind`: what posts them is wallets/wallet-legs.ts, points, payouts/payout-ledger.ts, ledger reversals. */
const TRANSFER_KIND_WORDS: Record<string, Text> = {
  deposit: text('Deposit', '存款'),
  withdrawal: text('Withdrawal', '取款'),
  payment: text('Payment', '支付'),
  fee: text('Fee', '手续费'),
  member_transfer: text('Transfer between members', '会员间转账'),
  reversal: text('Reversal', '冲正'),
  card_auth: text('Card authorization', '刷卡授权'),
  points_earn: text('Points earned', '获得积分'),
  points_redeem: text('Points redeemed', '积分兑换'),
  points_redemption: text('Credit from points', '积分兑换入账'),
  points_expire: text('Points expired', '积分过期'),
  points_adjust: text('Points adjusted down', '积分调减'),
  points_clawback: text('Points taken back by a refund', '退款收回积分'),
  payout_batch: text('Payout batch hold', '付款批次冻结'),
  payout: text('Payout', '付款'),
  payout_release: text('Payout remainder released', '付款余额释放'),
  payout_settlement: text('Bank payout settled', '银行付款结算'),
  payout_return: text('Bank payout returned', '银行付款退回'),
  payout_funding: text('Payout funding', '付款账户注资'),
};

/** cards.json `state`. */
const CARD_STATE_WORDS: Record<CardState, Text> = {
  inactive: text('Not activated', '未激活'),
  active: text('Active', '已激活'),
  frozen: text('Frozen', '已冻结'),
  cancelled: text('Cancelled', '已注销'),
};

/** cards.json `cancelReasonOption`. */
const CANCEL_REASON_WORDS: Record<CancelReason, Text> = {
  lost: text('Lost', '遗失'),
  stolen: text('Stolen', '被盗'),
  damaged: text('Damaged', '损坏'),
  expired: text('Expired', '过期'),
  other: text('Other', '其他'),
};

/** cards.json `interval`. */
const LIMIT_INTERVAL_WORDS: Record<(typeof LIMIT_INTERVALS)[number], Text> = {
  authorization: text('Per authorization', '每笔授权'),
  day: text('Day', '每日'),
  week: text('Week', '每周'),
  month: text('Month', '每月'),
  year: text('Year', '每年'),
  lifetime: text('Lifetime', '累计'),
};

/** card-admin.json `programs.mode`. */
const PROGRAM_MODE_WORDS: Record<(typeof PROGRAM_MODES)[number], Text> = {
  test: text('Test', '测试'),
  live: text('Live', '正式'),
};

/** payouts.json `status`. */
const BATCH_STATUS_WORDS: Record<BatchStatus, Text> = {
  draft: text('Draft', '草稿'),
  submitted: text('Submitted', '已提交'),
  approved: text('Approved', '已批准'),
  rejected: text('Rejected', '已驳回'),
  cancelled: text('Cancelled', '已取消'),
  executing: text('Paying', '付款中'),
  completed: text('Completed', '已完成'),
};

/** payout-batch.json `itemStatus`. */
const ITEM_STATUS_WORDS: Record<ItemStatus, Text> = {
  PENDING: text('Pending', '待付'),
  PAID: text('Paid', '已付'),
  SENT: text('Sent to bank', '已发往银行'),
  SETTLED: text('Settled', '已结算'),
  RETURNED: text('Returned', '已退回'),
  FAILED: text('Failed', '失败'),
  SKIPPED: text('Skipped', '已跳过'),
};

/** card-admin.json `programs.status`. */
const PROGRAM_STATUS_WORDS: Record<(typeof PROGRAM_STATUSES)[number], Text> = {
  open: text('Open', '开放'),
  closed: text('Closed', '已关闭'),
};

/** The payout report's decisions (payout-report.ts decisionRows), in payouts.json `status` words. */
const DECISION_WORDS: Record<string, Text> = {
  approve: text('Approved', '已批准'),
  reject: text('Rejected', '已驳回'),
};

/** payouts.json `code`: why an item ended FAILED or SKIPPED. */
const ROW_CODE_WORDS: Record<RowCode, Text> = {
  MISSING_FIELD: text('Missing field', '缺少字段'),
  INVALID_REFERENCE: text('Invalid reference', '参考号无效'),
  INVALID_AMOUNT: text('Invalid amount', '金额无效'),
  UNSUPPORTED_CURRENCY: text('Unsupported currency', '币种不支持'),
  CURRENCY_MISMATCH: text('Other currency', '币种不同'),
  UNKNOWN_MEMBER: text('Unknown member', '会员不存在'),
  MEMBER_NOT_ACTIVE: text('Member not active', '会员未激活'),
  INVALID_DESTINATION: text('Invalid destination', '去向无效'),
  NO_BANK_CARD: text('No bank card', '无银行卡'),
  DUPLICATE_REFERENCE: text('Duplicate reference', '参考号重复'),
  REFERENCE_ALREADY_USED: text('Reference already used', '参考号已用过'),
  AMOUNT_OVER_LIMIT: text('Over the item limit', '超过单笔限额'),
  NOTE_TOO_LONG: text('Note too long', '备注过长'),
  MALFORMED_ROW: text('Unreadable row', '无法读取的行'),
  POSSIBLE_DUPLICATE: text('Possible duplicate', '可能重复'),
  FORMULA_TEXT: text('Formula-like text', '类似公式的文本'),
};

/** The points liability's buckets (reports/points-liability-lots.ts EXPIRY_BUCKETS, then its total); each bucket starts where the one before ends. */
const BUCKET_WORDS: Record<string, Text> = {
  pastExpiry: text('Past expiry, not yet emptied', '已过期（待清零）'),
  within30Days: text('Within 30 days', '30 天内到期'),
  within90Days: text('In 31–90 days', '31–90 天内到期'),
  within365Days: text('In 91–365 days', '91–365 天内到期'),
  later: text('After 365 days', '365 天后到期'),
  never: text('Never expire', '永不过期'),
  total: text('Total', '合计'),
};

/** points.json `tier.name`: the default tiers; a tier the operator added is shown by its id. */
const TIER_WORDS: Record<string, Text> = {
  standard: text('Standard', '标准'),
  gold: text('Gold', '金卡'),
  diamond: text('Diamond', '钻石卡'),
  vip: text('VIP', 'VIP'),
};

/** audit.json `operation`: the nouns (wallets.json `operation` holds the counter's verbs). */
const OPERATION_WORDS: Record<WalletOperation, Text> = {
  deposit: text('Deposit', '存款'),
  withdrawal: text('Withdrawal', '取款'),
  payment: text('Payment', '支付'),
  transfer: text('Transfer', '转账'),
  reversal: text('Reversal', '冲正'),
};

/** audit.json `action`, flattened to the recorded codes; report.* are the reports' own. */
const AUDIT_ACTION_WORDS: Record<string, Text> = {
  'setup.init': text('Set up Paydesk', '初始化 Paydesk'),
  'session.unlock': text('Signed in', '登录'),
  'session.unlockWithRecoveryKey': text('Signed in with the recovery key', '用恢复密钥登录'),
  'session.unlockFailed': text('Sign-in refused', '登录被拒'),
  'session.lock': text('Locked the screen', '锁定屏幕'),
  'session.changePassphrase': text('Changed own passphrase', '修改本人口令'),
  'session.databaseKey': text('Showed the database key', '查看数据库密钥'),
  'staff.add': text('Added a staff member', '添加员工'),
  'staff.disable': text('Disabled a staff member', '停用员工'),
  'staff.enable': text('Re-enabled a staff member', '重新启用员工'),
  'staff.changeRole': text('Changed a staff role', '更改员工角色'),
  'staff.resetPassphrase': text('Reset a passphrase', '重置口令'),
  'settings.update': text('Changed settings', '修改设置'),
  'member.create': text('Registered a member', '登记会员'),
  'member.update': text('Edited a member', '修改会员资料'),
  'member.freeze': text('Froze a member', '冻结会员'),
  'member.unfreeze': text('Unfroze a member', '解冻会员'),
  'member.close': text('Closed a member', '注销会员'),
  'member.revealIdDocument': text('Revealed an ID document number', '查看证件号码'),
  'wallet.reverse': text('Reversed a receipt', '冲正凭条'),
  'wallet.approve': text('Took an operation a second person approved', '办理经第二人批准的业务'),
  'ledger.reverse': text('Reversed a transfer', '冲正转账'),
  'ledger.closeAccount': text('Closed an account', '关闭账户'),
  'ledger.expireHolds': text('Released expired holds', '释放到期的预授权'),
  'backup.create': text('Made a backup', '创建备份'),
  'backup.restore': text('Restored a backup', '恢复备份'),
  'backup.chooseLocation': text('Chose where backups go', '选择了备份位置'),
  'keys.rekey': text('Changed the encryption key', '更换加密密钥'),
  'trust.foundRoot': text('Established the trust root', '建立信任根'),
  'store.pagesDamaged': text('Found damaged data pages', '发现数据页损坏'),
  'points.tier': text("Changed a member's tier", '变更会员等级'),
  'points.tierReview': text('Lowered tiers at the daily review', '每日复核降低等级'),
  'points.referral': text('Recorded a referral', '记录推荐'),
  'points.review': text('Recorded a review', '记录评价'),
  'points.adjust': text('Adjusted points', '调整积分'),
  'points.expireLots': text('Expired points lots', '积分批次过期'),
  'card.issue': text('Issued a card', '发卡'),
  'card.activate': text('Activated a card', '激活卡片'),
  'card.freeze': text('Froze a card', '冻结卡片'),
  'card.unfreeze': text('Unfroze a card', '解冻卡片'),
  'card.cancel': text('Cancelled a card', '注销卡片'),
  'card.replace': text('Replaced a card', '补换卡片'),
  'card.expire': text('Cancelled an expired card', '注销过期卡片'),
  'card.reveal': text('Revealed a card number', '查看完整卡号'),
  'card.setLimits': text("Changed a card's limits", '修改卡片限额'),
  'card.memberLimits': text("Changed a member's card limits", '修改会员的用卡限额'),
  'card.decline': text('Declined a card payment', '拒绝了一笔刷卡授权'),
  'card.program.create': text('Created a card program', '新建卡产品'),
  'card.program.update': text('Edited a card program', '修改卡产品'),
  'card.program.close': text('Closed a card program', '停用卡产品'),
  'card.program.reopen': text('Reopened a card program', '重新启用卡产品'),
  'card.program.delete': text('Deleted a card program', '删除卡产品'),
  'cards.expireAuthorizations': text('Released expired card authorizations', '释放过期的卡授权'),
  'bankCard.link': text('Linked a bank card', '绑定银行卡'),
  'bankCard.setDefault': text('Made a bank card the payout default', '设为默认收款银行卡'),
  'bankCard.unsetDefault': text('Stopped a bank card being the payout default', '取消默认收款银行卡'),
  'bankCard.unlink': text('Unlinked a bank card', '解绑银行卡'),
  'payout.import': text('Imported a payout file', '导入付款文件'),
  'payout.submit': text('Submitted a payout batch', '提交付款批次'),
  'payout.cancel': text('Cancelled a payout batch', '取消付款批次'),
  'payout.approve': text('Approved a payout batch', '批准付款批次'),
  'payout.reject': text('Rejected a payout batch', '驳回付款批次'),
  'payout.executeStart': text('Started paying a payout batch', '开始执行付款批次'),
  'payout.executeEnd': text('Finished paying a payout batch', '付款批次执行完毕'),
  'payout.settle': text('Recorded a bank payout as settled', '登记银行付款已结算'),
  'payout.return': text('Recorded a bank payout as returned', '登记银行付款被退回'),
  'payout.fund': text('Funded the payout account', '为付款账户注资'),
  'report.export': text('Exported a report', '导出报表'),
  'report.exportJournal': text('Exported the journal', '导出交易日记账'),
};

/** audit.json `entity`; report and journal are the reports' own. */
const ENTITY_TYPE_WORDS: Record<string, Text> = {
  staff: text('Staff member', '员工'),
  session: text('Session', '会话'),
  keys: text('Keys', '密钥'),
  backup: text('Backup', '备份'),
  settings: text('Settings', '设置'),
  member: text('Member', '会员'),
  receipt: text('Receipt', '凭条'),
  transfer: text('Transfer', '转账'),
  account: text('Account', '账户'),
  ledger: text('Ledger', '账本'),
  store: text('Data file', '数据文件'),
  points: text('Points', '积分'),
  card: text('Card', '卡片'),
  card_program: text('Card program', '卡产品'),
  card_authorization: text('Card authorization', '卡授权'),
  bank_card: text('Bank card', '银行卡'),
  member_card_limits: text('Member card limits', '会员用卡限额'),
  payout_batch: text('Payout batch', '付款批次'),
  report: text('Report', '报表'),
  journal: text('Journal', '交易日记账'),
};

/** verify.json `check.<name>.name`. */
const CHECK_NAME_WORDS: Record<string, Text> = {
  'schema.version': text('Schema version', '数据库架构版本'),
  'database.integrity': text('Database pages', '数据库页'),
  'database.readable': text('Readable data', '数据可读'),
  'store.migrations': text('Migrations', '架构迁移'),
  'store.sequences': text('ID sequences', '编号序列'),
  'audit.chain': text('Audit log chain', '审计日志链'),
  'staff.audited': text('Staff as audited', '员工与审计一致'),
  'settings.audited': text('Settings as audited', '设置与审计一致'),
  'ledger.chain': text('Journal chain', '日记账链'),
  'ledger.transfers': text('Transfers', '转账'),
  'ledger.balanced': text('Debits equal credits', '借贷平衡'),
  'ledger.totals': text('Account totals', '账户累计'),
  'ledger.no_overdraft': text('No overdraft', '无透支'),
  'ledger.holds': text('Holds', '预授权'),
  'ledger.reversals': text('Reversals', '冲正'),
  'ledger.accounts': text('Chart of accounts', '会计科目表'),
  'members.wallets': text('Member wallets', '会员钱包'),
  'members.audited': text('Members as audited', '会员与审计一致'),
  'members.wallet_links': text('Wallet links', '钱包关联'),
  'members.search.trigrams': text('Name search index', '姓名搜索索引'),
  'members.search.grams': text('Short-name search index', '短姓名搜索索引'),
  'wallets.receipts': text('Receipts', '收据'),
  'wallets.journal': text('Receipts in the journal', '日记账中的收据'),
  'wallets.approvals': text('Second-person approvals', '第二人批准'),
  'points.lots': text('Points lots', '积分批次'),
  'points.balances': text('Points balances', '积分余额'),
  'points.credit': text('Credit from points', '积分兑换入账'),
  'points.records': text('Referrals and reviews', '推荐与评价记录'),
  'points.tiers': text('Member tiers', '会员等级'),
  'cards.programs': text('Card programs as audited', '卡产品与审计一致'),
  'cards.audited': text('Cards as audited', '卡片与审计一致'),
  'cards.memberLimits': text('Member card limits as audited', '会员用卡限额与审计一致'),
  'cards.bankCards': text('Bank cards as audited', '银行卡与审计一致'),
  'cards.events': text('Card state changes', '卡片状态变更'),
  'cards.fingerprints': text('Card number fingerprints', '卡号指纹'),
  'cards.authorizations': text('Card authorizations', '卡授权'),
  'cards.spendMonths': text('Monthly card spending', '每月用卡金额'),
  'payouts.batches': text('Payout batches', '付款批次'),
  'payouts.items': text('Payout items', '付款明细'),
  'payouts.approvals': text('Payout approvals', '付款批准'),
  'jobs.rows': text('Saved jobs', '已保存的任务'),
  'trust.certificates': text('Role certificates', '角色证书'),
  'trust.checkpoints': text('Signed checkpoints', '签名检查点'),
  'trust.sessions': text('Sessions', '会话'),
};

/** verify.json `result`. */
const CHECK_RESULT_WORDS: Record<string, Text> = {
  ok: text('OK', '通过'),
  failed: text('Failed', '未通过'),
};

/** The certificate's JSON paths (reports/verification-certificate-rows.ts certificateRows) in words. */
const CERTIFICATE_FIELD_WORDS: Record<string, Text> = {
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
  'chains.certificates.length': text('Role certificates length', '角色证书链长度'),
  'chains.certificates.lastId': text('Role certificates head id', '角色证书链头编号'),
  'chains.certificates.head': text('Role certificates head hash', '角色证书链头哈希'),
  'chains.checkpoints.length': text('Signed checkpoints length', '签名检查点链长度'),
  'chains.checkpoints.lastId': text('Signed checkpoints head id', '签名检查点链头编号'),
  'chains.checkpoints.head': text('Signed checkpoints head hash', '签名检查点链头哈希'),
  trustFingerprint: text('Trust fingerprint', '信任指纹'),
  'signature.value': text('Signature', '签名'),
  'signature.publicKey': text('Signer key', '签名人公钥'),
  anchor: text('Anchor (for verify --anchor)', '锚点（供 verify --anchor 使用）'),
};

/** Column key → code → its words. */
/** members.json `counterparty`: a statement movement's other side when it is the operator's account (a member or merchant shows as written). */
const COUNTERPARTY_WORDS: Record<string, Text> = {
  branch_cash: text('Cash', '现金'),
  merchant_settlement: text('Merchant', '商户'),
  bank_settlement: text('Bank', '银行'),
  payout_funding: text('Payout', '代付'),
  points_liability: text('Points redemption', '积分兑换'),
};

export const CODE_LABELS: Record<string, Record<string, Text>> = {
  kind: { ...ACCOUNT_KIND_WORDS, ...TRANSFER_KIND_WORDS },
  state: CARD_STATE_WORDS,
  cancelReason: CANCEL_REASON_WORDS,
  interval: LIMIT_INTERVAL_WORDS,
  mode: PROGRAM_MODE_WORDS,
  status: { ...BATCH_STATUS_WORDS, ...ITEM_STATUS_WORDS, ...PROGRAM_STATUS_WORDS },
  decision: DECISION_WORDS,
  code: ROW_CODE_WORDS,
  bucket: BUCKET_WORDS,
  tier: TIER_WORDS,
  operation: OPERATION_WORDS,
  action: AUDIT_ACTION_WORDS,
  entityType: ENTITY_TYPE_WORDS,
  name: CHECK_NAME_WORDS,
  result: CHECK_RESULT_WORDS,
  field: CERTIFICATE_FIELD_WORDS,
  counterparty: COUNTERPARTY_WORDS,
};

/** The word for a code cell in `language`, or the code itself when it has none. */
export function codeLabel(columnKey: string, value: string, language: ReportLanguage): string {
  const words = Object.hasOwn(CODE_LABELS, columnKey) ? CODE_LABELS[columnKey]! : undefined;
  const word = words !== undefined && Object.hasOwn(words, value) ? words[value]![language] : undefined;
  return word || value;
}
