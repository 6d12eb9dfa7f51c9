import { describe, expect, it } from 'vitest';
import { translatorForTests } from '../../../i18n/test-translator';
import { timelineText } from './timeline-text';

const translator = translatorForTests();
const AT = '2026-03-01T08:00:00.000Z';

describe('a payout batch timeline in words', () => {
  it('names each step as the audit log does and says what it recorded, amounts in the currency', () => {
    const t = translator().t;
    expect(timelineText({ action: 'payout.submit', actor: 'admin', at: AT, details: { status: 'submitted', items: 1200, total: 12_345_600, skipped: 3 } }, t, 'en', 'CNY')).toEqual({
      title: 'Submitted a payout batch',
      detail: '1,200 items, CN¥123,456.00; 3 rows left out',
    });
    expect(timelineText({ action: 'payout.approve', actor: 'fiona', at: AT, details: { approval: 2, of: 2, holdId: 9 } }, t, 'en', 'CNY').detail).toBe('Approval 2 of 2; the total is held on payout funding');
    expect(timelineText({ action: 'payout.reject', actor: 'fiona', at: AT, details: { reason: '月份错误' } }, t, 'en', 'CNY').detail).toBe('Reason: 月份错误');
  });

  it('says nothing more of a cancellation without a reason, and speaks Chinese for a Chinese reader', () => {
    const chinese = translator();
    expect(timelineText({ action: 'payout.cancel', actor: 'admin', at: AT, details: { reason: null } }, chinese.t, 'en', 'CNY').detail).toBeNull();
    const t = chinese.getFixedT('zh-CN');
    expect(timelineText({ action: 'payout.executeEnd', actor: 'fiona', at: AT, details: { paid: 3, sent: 1, failed: 0, released: 500 } }, t, 'zh-CN', 'CNY')).toEqual({
      title: '付款批次执行完毕',
      detail: '付入钱包 3 笔，发往银行 1 笔，失败 0 笔；¥5.00 退回资金账户',
    });
  });
});
