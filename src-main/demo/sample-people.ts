import type { NewMember } from '../../src-shared/contract/members';

// Believable, reproducible people for demo data and benchmarks: mostly Chinese names (common
// surnames, one- or two-character given names), some English ones, unique mobile numbers. The
// same seed always gives the same people. Email domains are the reserved example domains (RFC 2606).

/** mulberry32: a tiny seeded generator, good enough to pick names, not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万钱戴严'];
const COMPOUND_SURNAMES = ['欧阳', '上官', '司马', '诸葛', '慕容'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红鹏飞辉建国文斌宇浩凯婷雪琳晨欣怡佳子涵梓轩博雨思嘉诗一诺俊宁晓春海波丹慧鑫云峰燕兰志新亮阳光天瑞泽宏永安德婉蕾璐颖倩雅琪璇悦心家豪宸睿铭逸凡锦彤梦然三丰'];
const FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Susan', 'Richard', 'Jessica', 'Joseph', 'Sarah', 'Thomas', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Emily', 'Mark', 'Olivia', 'Paul', 'Emma', 'Steven', 'Sophia', 'Kevin', 'Grace', 'Brian', 'Chloe', 'George', 'Anna', 'Edward', 'Lucy', 'Peter', 'Hannah'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', "O'Brien", 'Wong', 'Chan', 'Lee', 'Cheung'];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '176', '177', '180', '181', '182', '185', '186', '187', '188', '189', '199'];

export type Random = () => number;

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(Math.floor(random() * 10));
  return text;
}

function chineseName(random: Random): string {
  const surname = random() < 0.02 ? pick(random, COMPOUND_SURNAMES) : pick(random, SURNAMES);
  const given = random() < 0.7 ? pick(random, GIVEN) + pick(random, GIVEN) : pick(random, GIVEN);
  return surname + given;
}

/** Mainland mobiles are 11 digits; one in ten people has a Hong Kong number (+852, 8 digits). */
function phoneNumber(random: Random): string {
  return random() < 0.1 ? `+852${['5', '6', '9'][Math.floor(random() * 3)]}${digits(random, 7)}` : `${pick(random, MOBILE_PREFIXES)}${digits(random, 8)}`;
}

export function samplePerson(random: Random, index: number): NewMember {
  const english = random() < 0.2;
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const name = english ? `${first} ${last}` : chineseName(random);
  const email = english ? `${first}.${last}${index}@example.com`.replace("'", '').toLowerCase() : random() < 0.3 ? `member${index}@example.cn` : undefined;
  return {
    name,
    phone: phoneNumber(random),
    ...(email === undefined ? {} : { email }),
    ...(random() < 0.25 ? { idDocumentNumber: `E${digits(random, 8)}` } : {}),
  };
}

/** `count` people with distinct phone numbers (a repeated number is drawn again). */
export function samplePeople(random: Random, count: number): NewMember[] {
  const phones = new Set<string>();
  const people: NewMember[] = [];
  while (people.length < count) {
    const person = samplePerson(random, people.length + 1);
    if (phones.has(person.phone)) continue;
    phones.add(person.phone);
    people.push(person);
  }
  return people;
}
