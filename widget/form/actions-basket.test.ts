import { describe, expect, test } from 'vitest';
import { BASKET_MAX } from '../../contract/limits';
import { en } from './i18n/en';
import { createBasketStore } from './basket';
import { memoryStorage } from './memory-storage';
import { page, setup, created, settle } from './actions-fixtures';

describe('the inquiry basket', () => {
  const withBasket = (storage = memoryStorage()) => ({
    storage,
    basket: createBasketStore({ site: 'demo', storage: () => storage }),
  });
  const gate = { name: 'Gate Valve', sku: 'GV-2' };
  const pump = { name: 'Centrifugal Pump' };

  test('collects products across pages, once each, and sends them with their quantities', async () => {
    const first = withBasket();
    const page1 = setup([], { basket: first.basket });
    // Nothing is written before the visitor adds something.
    expect(first.storage.items.size).toBe(0);
    page1.actions.add(gate);
    page1.actions.add(gate);
    expect(page1.state.lines.value).toHaveLength(1);
    expect(page1.state.basketNote.value?.text).toBe('Added to your inquiry basket: Gate Valve');
    expect(page1.state.open.value).toBe(false);

    // The next page view of the site finds the basket and adds to it.
    const { state, actions, sent, fill } = setup([created()], {
      basket: withBasket(first.storage).basket,
    });
    expect(state.lines.value.map((line) => line.product)).toEqual([gate]);
    actions.open(pump);
    actions.setLine(0, 'quantity', '200');
    actions.setLine(0, 'unit', 'sets');
    actions.setLine(1, 'quantity', '2');
    fill();
    actions.submit();
    await settle();
    expect(sent[0]?.products).toEqual([
      { ...gate, quantity: 200, unit: 'sets' },
      { ...pump, quantity: 2, unit: 'pieces' },
    ]);
    // Sent: the basket is empty, and nothing of it is left in storage.
    actions.closed();
    expect(state.lines.value).toEqual([]);
    expect(first.storage.items.size).toBe(0);
  });

  test('says a product was added only when it was, and that a full basket is full', () => {
    const { state, actions } = setup([], withBasket());
    actions.add(gate);
    actions.add(pump);
    actions.add(gate);
    expect(state.basketNote.value).toMatchObject({
      text: 'Added to your inquiry basket: Centrifugal Pump',
      full: false,
    });
    for (let i = state.lines.value.length; i < BASKET_MAX; i++) actions.add({ name: `Valve ${i}` });
    expect(state.basketNote.value?.text).toBe(
      `Added to your inquiry basket: Valve ${BASKET_MAX - 1}`,
    );
    actions.add({ name: 'One too many' });
    expect(state.lines.value).toHaveLength(BASKET_MAX);
    const full = state.basketNote.value;
    expect(full).toMatchObject({
      text: `Your inquiry basket is full: one inquiry can hold up to ${BASKET_MAX} products.`,
      full: true,
    });
    // Another one: the same words, said again as a new note.
    actions.add({ name: 'Two too many' });
    expect(state.basketNote.value).toMatchObject({ text: full?.text, full: true });
    expect(state.basketNote.value?.n).toBeGreaterThan(full?.n ?? Infinity);
    // One already in the full basket: nothing new to say.
    state.basketNote.value = null;
    actions.add(pump);
    expect(state.basketNote.value).toBeNull();
  });

  test("products added in two tabs at once are both kept: each reads the other's", () => {
    const storage = memoryStorage();
    // Both tabs' windows hear the other's writes, as browsers tell other tabs (not the writer).
    const windows = [new EventTarget(), new EventTarget()];
    const tab = (i: number) => {
      const basket = createBasketStore({
        site: 'demo',
        storage: () => storage,
        events: windows[i],
      });
      const write = basket.write;
      basket.write = (lines) => {
        write(lines);
        const other = windows[1 - i];
        other?.dispatchEvent(Object.assign(new Event('storage'), { key: 'liaison:demo:basket' }));
      };
      return setup([], { basket });
    };
    const [one, two] = [tab(0), tab(1)];
    one.actions.add(gate);
    two.actions.add(pump);
    expect(two.state.lines.value.map((line) => line.product)).toEqual([gate, pump]);
    expect(one.state.lines.value.map((line) => line.product)).toEqual([gate, pump]);
    const later = setup([], withBasket(storage));
    expect(later.state.lines.value.map((line) => line.product)).toEqual([gate, pump]);
    // While a tab's form is sending its inquiry, its lines are that inquiry's.
    one.fill();
    one.actions.submit();
    expect(one.state.phase.value).toBe('sending');
    two.actions.add({ name: 'Pipe Fittings' });
    expect(one.state.lines.value.map((line) => line.product)).toEqual([gate, pump]);
  });

  test("the first product takes the form's quantity; a removed one goes with its errors", () => {
    const { state, actions, fill } = setup([], withBasket());
    actions.prefill({ quantity: '50', unit: 'sets' });
    actions.open(gate);
    actions.add(pump);
    expect(state.lines.value).toEqual([
      { product: gate, quantity: '50', unit: 'sets' },
      { product: pump, quantity: '', unit: 'pieces' },
    ]);
    fill();
    actions.setLine(1, 'quantity', '-3');
    actions.submit();
    expect(state.errors.value.line1).toBe(en['invalid.quantity']);
    actions.removeLine(1);
    expect(state.lines.value.map((line) => line.product)).toEqual([gate]);
    expect(state.errors.value.line1).toBeUndefined();
  });
});
