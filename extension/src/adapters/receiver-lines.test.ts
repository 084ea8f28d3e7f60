// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOf, nameAndAddress, phoneIn, splitReceiver } from './receiver-lines';

describe('linesOf', () => {
  it('reads one line per child element, and splits a bare cell at line breaks', () => {
    const cell = document.createElement('div');
    for (const t of ['张**', '187****3040', '新疆维吾尔自治区乌鲁木齐市天山区****']) {
      const d = document.createElement('div');
      d.textContent = t;
      cell.append(d);
    }
    expect(linesOf(cell)).toEqual(['张**', '187****3040', '新疆维吾尔自治区乌鲁木齐市天山区****']);
    const bare = document.createElement('div');
    bare.textContent = '王*\n138****0000\r\n北京市朝阳区****\n\n';
    expect(linesOf(bare)).toEqual(['王*', '138****0000', '北京市朝阳区****']);
  });

  it('keeps at most 16 lines of at most 2048 characters from a huge cell', () => {
    const bare = document.createElement('div');
    bare.textContent = 'x'.repeat(100_000);
    const lines = linesOf(bare);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(2048);
    bare.textContent = 'a\n'.repeat(50_000);
    expect(linesOf(bare)).toHaveLength(16);
  });
});

describe('phoneIn', () => {
  it('finds the number beside a note, keeps a malformed number, and nothing in empty text', () => {
    expect(phoneIn('17692517802-2776 虚拟号说明 ')).toBe('17692517802-2776');
    expect(phoneIn('虚拟号说明 17692517802-2776')).toBe('17692517802-2776');
    expect(phoneIn('180****819')).toBe('180****819');
    expect(phoneIn('1871234304')).toBe('1871234304');
    expect(phoneIn('  ')).toBeUndefined();
  });
});

describe('nameAndAddress', () => {
  it('splits name，address only when the rest starts with a division', () => {
    expect(nameAndAddress('王**，陕西省安康市紫阳县**********')).toEqual({
      name: '王**',
      address: '陕西省安康市紫阳县**********',
    });
    expect(nameAndAddress('上官*,四川省成都市武侯区****')).toEqual({
      name: '上官*',
      address: '四川省成都市武侯区****',
    });
    // A comma inside an address is not a name separator.
    expect(nameAndAddress('广东省广州市天河区花城广场888号，3栋')).toEqual({
      address: '广东省广州市天河区花城广场888号，3栋',
    });
    expect(nameAndAddress('')).toEqual({});
  });
});

describe('splitReceiver', () => {
  it('splits the 抖店 cell (masked, revealed, ciphertext) and the WeChat-style clear cell', () => {
    expect(splitReceiver(['何*', '180****819', '重庆市渝北区****'])).toEqual({
      name: '何*',
      phone: '180****819',
      address: '重庆市渝北区****',
    });
    expect(splitReceiver(['何雨桐', '18012345678', '重庆市渝北区龙溪街道金龙路1号'])).toEqual({
      name: '何雨桐',
      phone: '18012345678',
      address: '重庆市渝北区龙溪街道金龙路1号',
    });
    expect(splitReceiver(['#A1B2#c2Vj=#1##', '$A1B2$c2Vj=$1$$', '#A1B2#ZGV0=#1##'])).toEqual({
      name: '#A1B2#c2Vj=#1##',
      phone: '$A1B2$c2Vj=$1$$',
      address: '#A1B2#ZGV0=#1##',
    });
    // Empty address line: nothing invented.
    expect(splitReceiver(['王*', '138****0000'])).toEqual({ name: '王*', phone: '138****0000' });
    expect(splitReceiver(['王**，陕西省安康市紫阳县****', '13240968483-9647 虚拟号说明'])).toEqual({
      name: '王**',
      phone: '13240968483-9647',
      address: '陕西省安康市紫阳县****',
    });
  });

  it('property: masked name, phone and address lines are assigned by content in any order', () => {
    const surname = fc.constantFrom('张', '王', '欧阳', '上官', '何', '诸葛');
    const region = fc.constantFrom(
      '广东省广州市天河区',
      '北京市朝阳区',
      '新疆维吾尔自治区乌鲁木齐市天山区',
      '四川省成都市武侯区',
    );
    const phone = fc
      .tuple(
        fc.constantFrom('13', '15', '18', '19'),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9999 }),
      )
      .map(([a, b, c]) => `${a}${b}****${String(c).padStart(4, '0')}`);
    fc.assert(
      fc.property(
        surname,
        fc.integer({ min: 1, max: 2 }),
        phone,
        region,
        fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]),
        (s, stars, p, r, order) => {
          const name = `${s}${'*'.repeat(stars)}`;
          const address = `${r}****`;
          const values = [name, p, address];
          expect(splitReceiver(order.map((i) => values[i]!))).toEqual({ name, phone: p, address });
        },
      ),
    );
  });

  it('cuts 100k-character lines to the line limit', () => {
    const parts = splitReceiver(['张'.repeat(100_000), '1'.repeat(100_000), `广东省${'路'.repeat(100_000)}`]);
    expect(parts.name?.length).toBe(2048);
  });
});
