import { itemsWithIds } from '../../lib/model/lookup';

describe('itemsWithIds', () => {
  const list = [
    { id: 'c', n: 1 },
    { id: 'a', n: 2 },
    { id: 'b', n: 3 },
    { id: 'a', n: 4 },
  ];

  it('returns what filter(ids.includes) returns, in the list order, for every subset of ids', () => {
    const ids = ['a', 'b', 'c', 'zz'];
    for (let mask = 0; mask < 1 << ids.length; mask++) {
      const wanted = ids.filter((_, i) => mask & (1 << i));
      for (const asked of [wanted, [...wanted].reverse(), [...wanted, ...wanted]]) {
        expect(itemsWithIds(list, asked)).toEqual(list.filter((x) => asked.includes(x.id)));
      }
    }
  });

  it('returns nothing for ids not in the list, and keeps separate lists apart', () => {
    expect(itemsWithIds(list, ['missing'])).toEqual([]);
    const other = [{ id: 'a', n: 9 }];
    expect(itemsWithIds(other, ['a'])).toEqual([{ id: 'a', n: 9 }]);
    expect(itemsWithIds(list, ['a']).map((x) => x.n)).toEqual([2, 4]);
  });
});
