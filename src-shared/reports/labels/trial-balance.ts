import { text, type ReportLabels } from './text';

export const trialBalanceLabels: ReportLabels = {
  title: text('Trial balance', '试算平衡表'),
  about: text('Every account with its posted debits, credits and balance at the moment named.', '截至指定时刻每个账户的已过账借方、贷方与余额。'),
  sections: {
    accounts: {
      title: text('Accounts', '账户'),
      columns: {
        code: text('Code', '代码'),
        name: text('Name', '名称'),
        kind: text('Kind', '类别'),
        currency: text('Currency', '币种'),
        debits: text('Debits', '借方'),
        credits: text('Credits', '贷方'),
        balance: text('Balance', '余额'),
      },
    },
    totals: {
      title: text('Totals per currency', '各币种合计'),
      columns: {
        currency: text('Currency', '币种'),
        debits: text('Debits', '借方'),
        credits: text('Credits', '贷方'),
        difference: text('Debits − credits', '借贷差额'),
      },
    },
  },
};
