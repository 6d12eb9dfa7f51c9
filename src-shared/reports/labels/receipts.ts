import { text, type ReportLabels } from './text';

export const receiptsLabels: ReportLabels = {
  title: text('Counter receipts', '柜台回单'),
  about: text('Every receipt handed over at the counter in the period, by teller, with totals per currency and operation.', '期间内柜台开出的每张回单（按柜员），并按币种和业务类型合计。'),
  sections: {
    receipts: {
      title: text('Receipts', '回单'),
      columns: {
        receiptNumber: text('Receipt', '回单号'),
        at: text('Time', '时间'),
        operation: text('Operation', '业务'),
        memberNumber: text('Member number', '会员号'),
        memberName: text('Member', '会员'),
        counterparty: text('Counterparty or merchant', '对方或商户'),
        currency: text('Currency', '币种'),
        amount: text('Amount', '金额'),
        fee: text('Fee', '手续费'),
        balanceAfter: text('Balance after', '交易后余额'),
        teller: text('Teller', '柜员'),
        approver: text('Approved by', '审批人'),
        memo: text('Memo', '备注'),
      },
    },
    totals: {
      title: text('Totals per currency and operation', '按币种和业务合计'),
      columns: {
        currency: text('Currency', '币种'),
        operation: text('Operation', '业务'),
        receipts: text('Receipts', '回单数'),
        amount: text('Amount', '金额'),
        fee: text('Fees', '手续费'),
      },
    },
  },
};
