import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzText, mobile, RUNS, toFullWidth, writtenMobile } from '../classify/fuzz.test-helper.js';
import { decodeDivisions } from './divisions-codec.js';
import { DIVISIONS } from './divisions-data.js';
import { maskMobilesIn, maskText } from './mask-text.js';

describe('maskText: known answers', () => {
  it('masks mobiles and IDs, keeps virtual numbers and extensions', () => {
    const r = maskText('请打13440963639或转9647, 身份证110101199003071234, 虚拟号13240968483-9647#');
    expect(r.value).toBe('请打134****3639或转9647, 身份证1****************4, 虚拟号13240968483-9647#');
    expect(r.found.map((f) => f.kind)).toEqual(['mobile', 'extension', 'id-number', 'virtual']);
    expect(r.found[0]).toEqual({ kind: 'mobile', start: 2, end: 13 });
  });
  it('finds full-width and spaced mobiles, +86, landlines, X-ending IDs', () => {
    expect(maskText('电话：１３４４０９６３６３９').value).toBe('电话：134****3639');
    expect(maskText('tel +86 134 4096 3639 thanks').value).toBe('tel 134****3639 thanks');
    expect(maskText('电话1344 096 3639').value).toBe('电话134****3639');
    expect(maskText('1 3 4 4 0 9 6 3 6 3 9').value).toBe('134****3639');
    expect(maskText('(+86)13440963639').value).toBe('(+86)134****3639');
    expect(maskText('座机020-87654321').value).toBe('座机020-****4321');
    expect(maskText('ID 11010119900307123X').value).toBe('ID 1****************X');
  });
  it('leaves order and tracking numbers alone', () => {
    const s = '订单3718000000000001 快递单号YT7512345678901 金额134.50';
    expect(maskText(s)).toEqual({ value: s, found: [] });
    expect(maskText('134409636391').found).toEqual([]);
  });
  it('the seed label text: extension found, main number kept', () => {
    const s = '收件人:店小二(转3639) 收件电话:13476567876 如需联系用户,请转3639';
    const r = maskText(s);
    expect(r.found.filter((f) => f.kind === 'extension')).toHaveLength(2);
    // A bare 11-digit number in text is treated as a buyer phone and masked (safe default).
    expect(r.value).toContain('134****7876');
  });
});

describe('maskText: properties', () => {
  it('never throws, is idempotent, offsets lie inside the input', () => {
    fc.assert(
      fc.property(fuzzText, (s) => {
        const r = maskText(s);
        expect(maskText(r.value).value).toBe(r.value);
        for (const f of r.found) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(s.length);
          expect(f.start).toBeLessThan(f.end);
        }
      }),
      RUNS,
    );
  });
  it('a mobile embedded in text never survives', () => {
    fc.assert(
      fc.property(fuzzText, mobile, fuzzText, fc.boolean(), (a, m, b, wide) => {
        // A separator and 4 digits right after would make it a virtual number (11+4), kept as such.
        const out = maskText(`${a} ${wide ? toFullWidth(m) : m} x${b}`).value;
        expect(out).not.toContain(m);
        expect(out).not.toContain(toFullWidth(m));
      }),
      RUNS,
    );
  });
  it('an 18-digit ID number embedded in text never survives', () => {
    const id = fc
      .tuple(
        fc.stringMatching(/^[1-9]\d{5}$/u),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}[\dX]$/u),
      )
      .map(([area, d, tail]) => area + d.toISOString().slice(0, 10).replaceAll('-', '') + tail);
    fc.assert(
      fc.property(fuzzText, id, (a, n) => {
        const out = maskText(`${a} 身份证${n}。`).value;
        expect(out).not.toContain(n);
        expect(out).not.toContain(n.slice(6, 14));
      }),
      RUNS,
    );
  });
  it('finishes on 100,000-character inputs', () => {
    expect(maskText('1'.repeat(100_000)).found).toEqual([]);
    expect(maskText('13440963639 '.repeat(8_334)).found.length).toBe(8_334);
    expect(maskText('转'.repeat(100_000)).found).toEqual([]);
    expect(maskText('020-'.repeat(25_000)).found).toEqual([]);
    expect(maskText('+86 '.repeat(25_000)).found).toEqual([]);
    expect(maskText('13240968483-'.repeat(8_000)).found.length).toBeGreaterThan(0);
  });
});

describe('maskText: pasted recipients, addresses and names (issue 20)', () => {
  const cases: [string, string][] = [
    ['张三 13812345678 广东省深圳市南山区科技园南区高新南一道8号', '张* 138****5678 广东省深圳市南山区****'],
    ['改地址到浙江省杭州市西湖区文三路100号，谢谢', '改地址到浙江省杭州市西湖区****，谢谢'],
    ['收件人：欧阳娜娜，电话：13812345678', '收件人：欧阳*，电话：138****5678'],
    [
      '收货人: 杨燕艳\n手机号码: 13111111111\n所在地区: 广东省深圳市龙岗区龙岗街道\n详细地址: 格水村三巷十号三楼',
      '收货人: 杨*\n手机号码: 131****1111\n所在地区: 广东省深圳市龙岗区****\n详细地址: ****',
    ],
    ['袁月青13111111111四川省成都市高新西区百叶路1号', '袁*131****1111四川省成都市****'],
    [
      '江西南昌市青山湖区广兰大道418号9栋1112室 131 1111 1111 孙轶念',
      '江西南昌市青山湖区**** 131****1111 孙*',
    ],
    [
      '地址：深圳市 南山区 南商路碧海天家园A89B 联系电话：13111111111 黄发猜',
      '地址：深圳市 南山区**** 联系电话：131****1111 黄*',
    ],
    ['韩仁伟,13911111111,安徽省安庆市太湖县新仓镇，塔山村，前进组', '韩*,139****1111,安徽省安庆市太湖县****'],
    ['浙江省-金华市-义乌市稠州北路1号 王五', '浙江省-金华市-义乌市**** 王*'],
    ['盐田区山海四季城F栋1B，卢燕13111111111', '盐田区****，卢*131****1111'],
  ];
  for (const [input, value] of cases) {
    it(input.replaceAll('\n', ' '), () => {
      expect(maskText(input).value).toBe(value);
      expect(maskText(value).value).toBe(value);
    });
  }
  it('reports what it masked', () => {
    const r = maskText('张三 13812345678 广东省深圳市南山区科技园8号');
    expect(r.found.map((f) => f.kind)).toEqual(['name', 'mobile', 'address']);
    expect(r.found[2]).toEqual({ kind: 'address', start: 24, end: 29 });
  });
  it('leaves product text, order ids, SKUs, prices, dates and tracking numbers alone', () => {
    for (const s of [
      '浙江杭州西湖龙井茶 250g 明前特级',
      '新疆阿克苏冰糖心苹果5斤装',
      '五常大米10kg 2号仓发货',
      '阳澄湖大闸蟹 公4两 8只',
      '云南普洱茶饼 357克',
      '请尽快发货，谢谢',
      '周末送货，放门口即可，不要打电话',
      '订单号6912345678901234567 SKU-A1024 ¥134.50 2026-12-07 10:30',
      '快递单号YT7512345678901，运单号4313812345678',
      '北京烤鸭 2只装 真空包装',
    ]) {
      expect(maskText(s), s).toEqual({ value: s, found: [] });
    }
  });
  it('a region named in passing is not an address', () => {
    expect(maskText('广东省的客户请下单').value).toBe('广东省的客户请下单');
    expect(maskText('发到上海市').value).toBe('发到上海市');
  });
});

describe('maskText: the corpus misses of the last session, kept as tests (issue 20)', () => {
  const cases: [string, string][] = [
    // FIELD END: the last segment of the address field (a company, a floor) is detail.
    ['姓名 邵兰娟，杨浦区秦皇岛路32号C栋 诺亚财富，176 7455 7785', '姓名 邵*，杨浦区****，176****7785'],
    [
      '电话：+86-187-6800-4043；收件人：万红伟；地址：杨浦区秦皇岛路32号C栋 诺亚财富',
      '电话：187****4043；收件人：万*；地址：杨浦区****',
    ],
    [
      '收货地址:珠海市香洲区吉大情侣中路51号1栋一，二层北侧\n联系人:韦华娟\n手机:+86-162-3158-3682',
      '收货地址:珠海市香洲区****\n联系人:韦*\n手机:162****3682',
    ],
    ['+86-160-9453-9135\n北京市 昌平区 回龙观 龙祥制版集团\n薛飞秀', '160****9135\n北京市 昌平区****\n薛*'],
    // A name right after the last segment closes the field; the name stays a name.
    ['杨浦区秦皇岛路32号C栋 诺亚财富 邵兰娟 17674557785', '杨浦区**** 邵* 176****7785'],
    ['杨浦区秦皇岛路32号C栋 邵兰娟 17674557785', '杨浦区**** 邵* 176****7785'],
    // Without a phone or a label, an unmarked last segment is not read as detail.
    ['改地址到浙江省杭州市西湖区文三路100号 谢谢', '改地址到浙江省杭州市西湖区**** 谢谢'],
    // A name next to a region written in full without a detail, in a text with a phone.
    ['陆霞军 北京市丰台区 16061137108', '陆* 北京市丰台区 160****7108'],
    ['邵诺国，重庆市南岸区，+86-137-4201-7320', '邵*，重庆市南岸区，137****7320'],
    // RUN-ON: a room number before a spaced mobile is not the mobile's first digits.
    ['林涵诺 海淀区上地信息路1号2号楼1904 169 3520 4554', '林* 海淀区**** 169****4554'],
    ['138 1234 5678 150 2233 4455', '138****5678 150****4455'],
    // Order words inside an address name (物流大道) do not end the address.
    [
      '联系人:闫浩；手机:193 0836 1878；收货地址:四川省南充市高坪区物流大道三段99号',
      '联系人:闫*；手机:193****1878；收货地址:四川省南充市高坪区****',
    ],
    ['北京市朝阳区建国路1号 快递单号YT1234567890123', '北京市朝阳区**** 快递单号YT1234567890123'],
  ];
  for (const [input, value] of cases) {
    it(input.replaceAll('\n', ' '), () => {
      expect(maskText(input).value).toBe(value);
      expect(maskText(value).value).toBe(value);
    });
  }
  it('NAACL corpus recipients: short counties, towns before the region, names that are county names', () => {
    const cases: [string, string][] = [
      ['+86-154-0107-9958,绍兴柯桥金色水岸6-982,胡伟诺', '154****9958,绍兴柯桥****,胡*'],
      ['134 5049 3034，义乌后张121-8-785，周晨', '134****3034，义乌****，周*'],
      [
        '韦华凯,文屏镇云南省昭通市鲁甸县文屏镇仿古街171号,13692899629',
        '韦*,****云南省昭通市鲁甸县****,136****9629',
      ],
      // 武平 and 武强 are names here (county short forms standing alone as a field).
      ['武平,浙江省温州市鹿城区鹿城路172号-7,17474949850', '武*,浙江省温州市鹿城区****,174****9850'],
      ['姓名 武强 浙江温州鹿城蒲鞋市新村147栋381 16702073635', '姓名 武* 浙江温州鹿城**** 167****3635'],
      ['姓名 姚建华,嘉兴市秀园路1575号68号楼843,19630629633', '姓名 姚*,嘉兴市****,196****9633'],
    ];
    for (const [input, value] of cases) {
      expect(maskText(input).value, input).toBe(value);
      expect(maskText(value).value, value).toBe(value);
    }
  });
  it('a mobile whose middle digits equal its last 4 (fast-check counterexample)', () => {
    expect(maskText('张伟 13030493049 石家庄市长安区科技园南区高新南一道1号').value).toBe(
      '张* 130****3049 石家庄市长安区****',
    );
  });
  it('an 18-digit order id after its label is not an ID number (fast-check counterexample)', () => {
    const s = '张三 13812345678 广东省深圳市南山区科技园南区8号；订单号100000190008050000 运单 4600000000000';
    expect(maskText(s).value).toBe(
      '张* 138****5678 广东省深圳市南山区****；订单号100000190008050000 运单 4600000000000',
    );
    // Written without a label, the same digits are masked as an ID number (the safe side).
    expect(maskText('身份证100000190008050000').value).toBe('身份证1****************0');
  });
  it('maskMobilesIn reads a run-on mobile the same way', () => {
    expect(maskMobilesIn('2号楼1904 169 3520 4554')).toBe('2号楼1904 169****4554');
  });
});

describe('maskText: a mobile glued to a room number (issue 20, item 2)', () => {
  it('masks the 11-digit mobile tail of a 12–14 digit run after a room or building word', () => {
    expect(maskText('1楼三单元30115801691123').value).toBe('1楼三单元301158****1123');
    expect(maskText('8号楼2单元50213800138000').value).toBe('8号楼2单元502138****8000');
    expect(maskText('幸福小区3栋101室13800138000').value).toBe('幸福小区3栋101室138****8000');
  });
  it('never after a number word (单号, 编号, 货号…), never in a run of 15+ digits', () => {
    expect(maskText('快递单号4313812345678').found).toEqual([]);
    expect(maskText('货号50113812345678').found).toEqual([]);
    expect(maskText('3单元301158016911230').found).toEqual([]);
  });
  it('order ids (18–19 digits) are never touched as mobiles, in any context (property)', () => {
    const orderId = fc.oneof(fc.stringMatching(/^[1-9]\d{18}$/u), fc.stringMatching(/^[1-9]\d{17}$/u));
    const before = fc.constantFrom('', '订单', '订单号', '3单元', '8号楼', '室', '号', ' ', '：');
    fc.assert(
      fc.property(before, orderId, fc.constantFrom('', ' ', '，谢谢', '号'), (b, id, a) => {
        const r = maskText(`${b}${id}${a}`);
        expect(r.found.filter((f) => f.kind === 'mobile' || f.kind === 'landline')).toEqual([]);
        if (id.length === 19) expect(r.value).toBe(`${b}${id}${a}`);
      }),
      RUNS,
    );
  });
  it('a generated room number with a mobile glued on never leaks the mobile (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('室', '号', '楼', '栋', '单元', '层', '户', '座'),
        fc.stringMatching(/^\d{1,3}$/u),
        mobile,
        (word, room, m) => {
          const out = maskText(`幸福小区3${word}${room}${m}`).value;
          expect(out).not.toContain(m);
          // A room `86` reads as the country code (`86138…`): dropped with it, never leaked.
          expect(out).toContain(`${m.slice(0, 3)}****${m.slice(7)}`);
        },
      ),
      RUNS,
    );
  });
});

describe('maskText: a bare 86 after letters is a waybill number', () => {
  it('leaves YT8616000000000 alone (fast-check counterexample), still masks +86 and a spaced 86', () => {
    expect(maskText('快递单号YT8616000000000 订单号1000000000000000000')).toEqual({
      value: '快递单号YT8616000000000 订单号1000000000000000000',
      found: [],
    });
    expect(maskText('电话+8613812345678').value).toBe('电话138****5678');
    expect(maskText('电话 86 13812345678').value).not.toContain('12345678');
    expect(maskText('tel8613812345678').value).not.toContain('12345678');
  });
});

describe('maskText: generated recipients (properties, issue 20)', () => {
  const counties = decodeDivisions(DIVISIONS).all.filter((d) => d.level === 'county' && d.city !== undefined);
  const surname = fc.constantFrom(
    '张',
    '王',
    '李',
    '赵',
    '刘',
    '陈',
    '杨',
    '黄',
    '周',
    '吴',
    '欧阳',
    '司马',
    '诸葛',
  );
  const givenChar = fc.constantFrom(...'伟芳娜敏静丽强磊军洋勇艳杰娟涛秀霞刚桂英');
  const name = fc
    .tuple(surname, fc.array(givenChar, { minLength: 1, maxLength: 2 }))
    .map(([s, g]) => ({ full: s + g.join(''), surname: s }));
  const detail = fc
    .tuple(
      fc.constantFrom(
        '科技园南区高新南一道',
        '建国路',
        '幸福小区',
        '人民路',
        '解放大道',
        '文三路',
        '花城广场',
      ),
      fc.integer({ min: 1, max: 999 }),
      fc.constantFrom('号', '号3栋2单元501室', '号院8号楼', '弄12号'),
    )
    .map(([street, n, tail]) => `${street}${n}${tail}`);
  const address = fc
    .tuple(fc.constantFrom(...counties), fc.constantFrom('', ' ', '-', '/'), fc.boolean(), detail)
    .map(([d, sep, withProvince, det]) => ({
      text: [withProvince ? d.province : '', d.city ?? '', d.name].filter((x) => x !== '').join(sep) + det,
      detail: det,
    }));
  const recipient = fc
    .tuple(
      name,
      writtenMobile,
      address,
      fc.constantFrom(' ', '，', ',', '\n', ' , ', ''),
      fc.boolean(),
      fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]),
    )
    .map(([n, m, a, sep, labelled, order]) => {
      const fields = labelled
        ? [`收件人：${n.full}`, `电话：${m.written}`, `地址：${a.text}`]
        : [n.full, m.written, a.text];
      return { text: order.map((i) => fields[i]).join(sep), n, m, a };
    });
  it('a pasted recipient loses the phone, the detail and the given name, in any order and form', () => {
    fc.assert(
      fc.property(recipient, ({ text, n, m, a }) => {
        const out = maskText(text).value;
        // The middle digits may equal the kept last 4 (`130****3049` of 13030493049): look
        // for them outside the masked mobile.
        const rest = out.replace(`${m.digits.slice(0, 3)}****${m.digits.slice(7)}`, '');
        expect(rest).not.toContain(m.digits.slice(3, 7));
        expect(rest).not.toContain(toFullWidth(m.digits.slice(3, 7)));
        expect(out).not.toContain(a.detail);
        expect(out).not.toContain(a.detail.slice(-4));
        expect(out).not.toContain(n.full);
        expect(maskText(out).value).toBe(out);
      }),
      RUNS,
    );
  });
  it('a mobile in every written form (+86, spaces, dashes, dots, full-width) is masked', () => {
    fc.assert(
      fc.property(
        writtenMobile,
        fc.constantFrom('请打', '电话：', '备注 ', ''),
        ({ written, digits }, before) => {
          const out = maskText(`${before}${written}，谢谢`).value;
          expect(out).toBe(`${before}${digits.slice(0, 3)}****${digits.slice(7)}，谢谢`);
          expect(maskMobilesIn(`${before}${written}，谢谢`)).toBe(out);
        },
      ),
      RUNS,
    );
  });
  it('order ids, SKUs, prices, dates and tracking numbers in remarks stay as they are', () => {
    const token = fc.oneof(
      fc.stringMatching(/^[1-9]\d{17,18}$/u).map((s) => `订单号${s}`),
      fc.stringMatching(/^[A-Z]{2,4}-?\d{3,8}$/u).map((s) => `SKU:${s}`),
      fc
        .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 99 }))
        .map(([a, b]) => `¥${a}.${b}`),
      fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 16).replace('T', ' ')),
      fc.stringMatching(/^(?:YT\d{13}|SF\d{12}|JDVA\d{11}|75\d{10})$/u).map((s) => `快递单号${s}`),
      fc.constantFrom(
        '浙江杭州西湖龙井茶 250g',
        '新疆阿克苏冰糖心苹果5斤装',
        '五常大米10kg',
        '云南普洱茶饼 357克',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(' ', '，', '；'),
        (ts, sep) => {
          const s = ts.join(sep);
          expect(maskText(s)).toEqual({ value: s, found: [] });
        },
      ),
      RUNS,
    );
  });
  it('order ids, SKUs and tracking numbers next to a pasted recipient stay as they are (property)', () => {
    // Carrier prefixes as printed: 圆通 YT, 顺丰 SF, 京东 JD / JDV… , 极兔 JT, 中通 7…, 韵达 4…/3….
    const tracking = fc.stringMatching(
      /^(?:YT\d{13}|SF\d{12,13}|JD[A-Z]{0,2}\d{11,13}|JT\d{13}|7[358]\d{10,13}|4[36]\d{11}|31\d{11})$/u,
    );
    const token = fc.oneof(
      fc.stringMatching(/^[1-9]\d{17,18}$/u).map((s) => ({ text: `订单号${s}`, keep: s })),
      fc.stringMatching(/^[A-Z]{2,4}-?\d{3,8}$/u).map((s) => ({ text: `SKU:${s}`, keep: s })),
      tracking.map((s) => ({ text: `快递单号${s}`, keep: s })),
      tracking.map((s) => ({ text: `运单 ${s}`, keep: s })),
    );
    const recipient = fc.constantFrom(
      '张三 13812345678 广东省深圳市南山区科技园南区8号',
      '收件人：欧阳娜娜，电话：13912345678，地址：浙江省杭州市西湖区文三路100号',
      '李四 +86 139 1234 5678 义乌稠州北路1号',
      '地址：杭州市余杭区五常街道1号 王五 13712345678',
    );
    fc.assert(
      fc.property(
        recipient,
        fc.array(token, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('；', '\n', '。'),
        fc.constantFrom(' ', '，', '；'),
        fc.boolean(),
        (rec, ts, stop, sep, first) => {
          const tokens = ts.map((t) => t.text).join(sep);
          const out = maskText(first ? `${tokens}${stop}${rec}` : `${rec}${stop}${tokens}`).value;
          for (const t of ts) expect(out).toContain(t.keep);
          // The recipient's mobile (…1234 5678 in every writing above) is still masked.
          const rest = ts.reduce((o, t) => o.replace(t.keep, ''), out);
          expect(rest).not.toContain('12345678');
          expect(rest).not.toContain('1234 5678');
        },
      ),
      RUNS,
    );
  });
  it('finishes on 100,000-character recipient-like inputs', () => {
    const rec = '张三 13812345678 广东省深圳市南山区科技园8号\n';
    const long = rec.repeat(Math.ceil(100_000 / rec.length)).slice(0, 100_000);
    expect(maskText(long).found.length).toBeGreaterThan(9_000);
    expect(maskText('广州市'.repeat(33_334)).found).toEqual([]);
    expect(maskText('收件人'.repeat(33_334)).value.length).toBeGreaterThan(0);
    expect(maskText('地址:'.repeat(33_334)).found).toEqual([]);
    expect(maskText('3单元'.repeat(33_334)).found).toEqual([]);
    expect(maskText('号' + '1'.repeat(99_999)).found).toEqual([]);
    expect(maskText('张三 '.repeat(33_334)).found).toEqual([]);
    expect(maskText('广东省深圳市南山区' + '路'.repeat(99_991)).found.length).toBe(1);
  });
});
