import { text, type ReportLabels } from './text';

export const cardsLabels: ReportLabels = {
  title: text('Card register', '卡片登记簿'),
  about: text(
    'Every card issued, its number masked to the first six and last four digits, with its state, program, member, expiry and spending limits.',
    '已发行的全部卡片（卡号仅显示前六位和后四位），及其状态、卡计划、会员、有效期和消费限额。',
  ),
  sections: {
    cards: {
      title: text('Cards', '卡片'),
      columns: {
        maskedPan: text('Card number (masked)', '卡号（已遮蔽）'),
        state: text('State', '状态'),
        cancelReason: text('Cancel reason', '注销原因'),
        program: text('Program', '卡计划'),
        memberNumber: text('Member number', '会员号'),
        memberName: text('Member', '会员姓名'),
        expiryMonth: text('Expires', '有效期至'),
        issuedAt: text('Issued at', '发卡时间'),
      },
    },
    limits: {
      title: text('Spending limits', '消费限额'),
      columns: {
        maskedPan: text('Card number (masked)', '卡号（已遮蔽）'),
        memberNumber: text('Member number', '会员号'),
        interval: text('Interval', '周期'),
        amount: text('Amount limit', '金额上限'),
        count: text('Count limit', '笔数上限'),
        currency: text('Currency', '币种'),
      },
    },
    programs: {
      title: text('Programs', '卡计划'),
      columns: {
        program: text('Program', '卡计划'),
        bin: text('BIN', '发卡行识别码'),
        length: text('Number length', '卡号长度'),
        currency: text('Currency', '币种'),
        mode: text('Mode', '模式'),
        status: text('Status', '状态'),
        cards: text('Cards', '卡片数'),
        inactive: text('Inactive', '未激活'),
        active: text('Active', '已激活'),
        frozen: text('Frozen', '已冻结'),
        cancelled: text('Cancelled', '已注销'),
      },
    },
  },
};
