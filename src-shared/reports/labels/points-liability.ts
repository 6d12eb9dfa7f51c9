import { text, type ReportLabels } from './text';

export const pointsLiabilityLabels: ReportLabels = {
  title: text('Points liability', '积分负债'),
  about: text(
    'The points members hold at the moment named, by when they expire and member by member, valued at the redemption rate.',
    '截至指定时刻会员持有的积分，按到期时间分段并逐个会员列出，按兑换比率折算金额。',
  ),
  sections: {
    buckets: {
      title: text('By expiry', '按到期时间'),
      columns: {
        bucket: text('Expires', '到期'),
        points: text('Points', '积分'),
        value: text('Value', '折算金额'),
        currency: text('Currency', '币种'),
      },
    },
    members: {
      title: text('By member', '按会员'),
      columns: {
        memberNumber: text('Member number', '会员号'),
        name: text('Name', '姓名'),
        tier: text('Tier', '等级'),
        points: text('Points outstanding', '未兑积分'),
        expiringWithin30Days: text('Expiring within 30 days', '30 天内到期'),
        value: text('Value', '折算金额'),
        currency: text('Currency', '币种'),
      },
    },
  },
};

