import { describe, expect, it } from 'vitest';
import { TabTimeoutError, withTimeout } from '../../../utils/messaging/tabs';

describe('withTimeout', () => {
  it('passes a timely answer through', async () => {
    await expect(withTimeout(Promise.resolve(42), 50)).resolves.toBe(42);
  });
  it('turns a page that never answers into a clear error', async () => {
    await expect(withTimeout(new Promise(() => {}), 20)).rejects.toBeInstanceOf(TabTimeoutError);
  });
  it('keeps the original error of a page that fails', async () => {
    await expect(withTimeout(Promise.reject(new Error('gone')), 50)).rejects.toThrow('gone');
  });
});
