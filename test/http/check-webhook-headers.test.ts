import { describe, expect, it } from 'vitest';
import { isJsonContentType } from '../../src/http/check-webhook-headers.js';

describe('isJsonContentType', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'application/json; charset="utf-8"',
    'application/json; charset=utf8',
    ' application/json ',
  ])('accepts %s', (value) => {
    expect(isJsonContentType(value)).toBe(true);
  });

  it.each([
    '',
    'text/json',
    'text/plain',
    'application/jsonx',
    'application/json-seq',
    'application/ld+json',
    'application/json; charset=iso-8859-1',
    'application/json; charset=utf-16',
    'application/json; charset=',
    'application/x-www-form-urlencoded',
  ])('refuses %s', (value) => {
    expect(isJsonContentType(value)).toBe(false);
  });
});
