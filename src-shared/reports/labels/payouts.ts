import { text, type ReportLabels } from './text';

export const payoutsLabels: ReportLabels = {
  title: text('Payout batch report', '批量付款报告'),
  about: text(
    'Each payout batch with its maker, submitter, approvers, times and content hash, each approval or rejection, and every row of its file with what became of it.',
    '每个付款批次的制单人、提交人、审批人、各环节时间与内容哈希，每次审批或驳回，以及文件中每一行的处理结果。',
  ),
  sections: {
    batches: {
      title: text('Batches', '批次'),
      columns: {
        id: text('Batch', '批次'),
        fileName: text('File', '文件'),
        status: text('Status', '状态'),
        currency: text('Currency', '币种'),
        rows: text('Rows in file', '文件行数'),
        items: text('Payable items', '可付款项数'),
        total: text('Payable total', '可付款总额'),
        maker: text('Maker (imported by)', '制单人（导入人）'),
        importedAt: text('Imported at', '导入时间'),
        submitter: text('Submitted by', '提交人'),
        submittedAt: text('Submitted at', '提交时间'),
        approvers: text('Approvers', '审批人'),
        approvedAt: text('Approved at', '批准时间'),
        completedAt: text('Executed (completed) at', '执行完成时间'),
        contentHash: text('Content hash (approved)', '内容哈希（审批所签）'),
        fileSha256: text('File SHA-256', '文件 SHA-256'),
      },
    },
    decisions: {
      title: text('Approvals and rejections', '审批与驳回'),
      columns: {
        batchId: text('Batch', '批次'),
        decision: text('Decision', '决定'),
        by: text('By', '操作人'),
        at: text('At', '时间'),
        contentHash: text('Content hash signed', '所签内容哈希'),
        reason: text('Reason', '原因'),
      },
    },
    items: {
      title: text('Items', '付款明细'),
      columns: {
        batchId: text('Batch', '批次'),
        line: text('Line', '行号'),
        reference: text('Reference', '参考号'),
        memberNo: text('Member number', '会员号'),
        memberName: text('Member', '会员'),
        amount: text('Amount', '金额'),
        currency: text('Currency', '币种'),
        destination: text('Destination', '收款去向'),
        status: text('Status', '状态'),
        code: text('Code', '代码'),
        transferId: text('Transfer', '转账编号'),
        paidAt: text('Paid at', '付款时间'),
        note: text('Note', '备注'),
      },
    },
  },
};
