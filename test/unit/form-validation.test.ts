import { describe, expect, it } from 'vitest';
import { SetupInput } from '../../shared/api/schemas/auth.js';
import { validateForm } from '../../src-renderer/lib/form-errors.js';

const FIELDS = ['organisationName', 'firstName', 'lastName', 'email', 'password', 'confirmPassword'] as const;
const good = {
  organisationName: 'Norrland Mining',
  firstName: 'Åsa',
  lastName: 'Öberg',
  email: 'Asa@Example.com',
  password: 'correct horse battery',
  confirmPassword: 'correct horse battery',
};
const confirm = {
  field: 'confirmPassword',
  mustEqual: 'password',
  message: 'The passwords differ.',
} as const;

describe('form validation with the call’s own schema', () => {
  it('returns the parsed input without the confirmation field', () => {
    const r = validateForm(SetupInput, good, FIELDS, confirm);
    expect(r).toEqual({ ok: true, data: { ...good, email: 'asa@example.com', confirmPassword: undefined } });
    expect(r.ok && 'confirmPassword' in r.data).toBe(false);
  });

  it('flags a confirmation that differs', () => {
    expect(
      validateForm(SetupInput, { ...good, confirmPassword: 'correct horse batterY' }, FIELDS, confirm),
    ).toEqual({
      ok: false,
      errors: { confirmPassword: 'The passwords differ.' },
    });
  });

  it('reports the schema’s own message per field, and not a mismatch on top of a bad password', () => {
    const r = validateForm(
      SetupInput,
      { ...good, email: 'nope', password: 'short', confirmPassword: 'x' },
      FIELDS,
      confirm,
    );
    expect(r).toEqual({
      ok: false,
      errors: { email: 'Enter a valid email address', password: 'Use at least 10 characters' },
    });
  });
});
