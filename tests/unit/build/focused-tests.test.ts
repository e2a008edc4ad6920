import { describe, expect, it } from 'vitest';
import playwrightConfig from '../../../playwright.config';
import vitestConfig from '../../../vitest.config';

// A stray .only (it.only, test.only, describe.only) runs the focused tests and silently skips
// every other one in the file, and CI does not set CI, so neither runner's default catches it.
// Shown to fail a run: a file with it.only under `npx vitest run` ("Unexpected .only modifier"),
// a spec with test.only under `npx playwright test --list` ("not allowed due to the 'forbidOnly'
// option"); both exit 1.
describe('a focused test fails the run', () => {
  it('in vitest (allowOnly: false)', () => {
    expect(vitestConfig.test?.allowOnly).toBe(false);
  });

  it('in Playwright (forbidOnly: true)', () => {
    expect(playwrightConfig.forbidOnly).toBe(true);
  });
});
