import { text, type ReportLabels } from './text';

export const statementLabels: ReportLabels = {
  title: text('Member statement', '会员对账单'),
  about: text(
    "One member's wallets and points over the period: the opening balance, every posted movement with the balance after it, and the closing balance.",
    '会员在期间内的钱包与积分：期初余额、每笔已过账变动及其后余额、期末余额。',
  ),
  sections: {
    balances: {
      title: text('Balances', '余额'),
      columns: {
        currency: text('Currency', '币种'),
        opening: text('Opening balance', '期初余额'),
        moneyIn: text('In', '转入'),
        moneyOut: text('Out', '转出'),
        closing: text('Closing balance', '期末余额'),
      },
    },
    movements: {
      title: text('Movements', '资金变动'),
      columns: {
        at: text('Time', '时间'),
        transferId: text('Transfer', '转账编号'),
        kind: text('Kind', '类型'),
        counterparty: text('Counterparty', '对方'),
        currency: text('Currency', '币种'),
        amount: text('Amount', '金额'),
        balance: text('Balance after', '变动后余额'),
      },
    },
    points: {
      title: text('Points movements', '积分变动'),
      columns: {
        at: text('Time', '时间'),
        transferId: text('Transfer', '转账编号'),
        kind: text('Kind', '类型'),
        points: text('Points', '积分'),
        balance: text('Points after', '变动后积分'),
        expiresAt: text('Expires', '到期时间'),
      },
    },
  },
};
