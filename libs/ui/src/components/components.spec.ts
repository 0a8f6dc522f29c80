import { describe, it } from 'node:test';
import { expect } from 'expect';
import { createElement } from 'react';
import { ApiError } from '../api/api-error';
import { renderInLocale } from '../test-support/render';
import { DataTable } from './data-table';
import { DateTime } from './date-time';
import { FormField } from './form-field';
import { Money } from './money';
import { NumberText } from './number-text';
import { EmptyState, ErrorState, LoadingState } from './states';
import { StatusBadge } from './status-badge';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/&nbsp;/g, ' ');

describe('libs/ui components', () => {
  it('<Money> formats for the active language', () => {
    expect(plain(renderInLocale(createElement(Money, { amountMinor: 125000, currency: 'EUR' }), 'en'))).toContain('€1,250.00');
    expect(plain(renderInLocale(createElement(Money, { amountMinor: 125000, currency: 'EUR' }), 'de'))).toContain('1.250,00 €');
  });

  it('<DateTime> renders a machine-readable <time> and a localised text', () => {
    const html = renderInLocale(createElement(DateTime, { value: '2026-12-02T08:00:00Z', dateOnly: true }), 'de');
    expect(html).toContain('dateTime="2026-12-02T08:00:00.000Z"');
    expect(html).toMatch(/02\.12\.2026|2\. Dez\. 2026/);
  });

  it('<NumberText> groups digits per language', () => {
    expect(plain(renderInLocale(createElement(NumberText, { value: 1234567 }), 'de'))).toContain('1.234.567');
  });

  it('<FormField> has a visible label and shows the API message of the field it names', () => {
    const error = new ApiError(400, 'VALIDATION', 'Invalid input', [{ field: 'email', message: 'email must be an email' }]);
    const html = renderInLocale(createElement(FormField, { label: 'E-mail', field: 'email', apiError: error }));
    expect(html).toMatch(/<label[^>]*>E-mail<\/label>/);
    expect(html).toContain('email must be an email');
    expect(html).toContain('aria-invalid="true"');
    const other = renderInLocale(createElement(FormField, { label: 'Password', field: 'password', apiError: error }));
    expect(other).not.toContain('email must be an email');
  });

  it('states: loading is a status, error an alert with the API message, empty a message', () => {
    expect(renderInLocale(createElement(LoadingState), 'de')).toMatch(/role="status".*Wird geladen/);
    expect(renderInLocale(createElement(ErrorState, { error: new ApiError(404, 'RFQ_NOT_FOUND', 'RFQ not found') }))).toMatch(/role="alert".*RFQ not found/);
    expect(renderInLocale(createElement(EmptyState))).toContain('Nothing here yet.');
  });

  it('<StatusBadge> carries its label as text', () => {
    expect(renderInLocale(createElement(StatusBadge, { label: 'Confirmed', tone: 'success' }))).toContain('>Confirmed<');
  });

  it('<DataTable> renders a captioned table with sortable headers and the server’s page', () => {
    const columns = [
      { accessorKey: 'name', header: 'Name' },
      { accessorKey: 'qty', header: 'Quantity', enableSorting: false },
    ];
    const html = renderInLocale(
      createElement(DataTable<{ name: string; qty: number }>, {
        caption: 'Listings',
        columns,
        rows: [{ name: 'Bolts', qty: 5 }],
        sorting: [{ id: 'name', desc: false }],
        onSortingChange: () => undefined,
        page: 2,
        pageCount: 3,
        onPageChange: () => undefined,
      }),
    );
    expect(html).toContain('<caption class="sr-only">Listings</caption>');
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toMatch(/<button[^>]*>Name/);
    expect(html).not.toMatch(/<button[^>]*>Quantity/);
    expect(html).toContain('Page 2 of 3');
    expect(renderInLocale(createElement(DataTable, { caption: 'x', columns: [], rows: [], emptyTitle: 'No listings' }))).toContain('No listings');
  });

  it('ApiError maps the server body and its field errors', () => {
    const error = ApiError.from(400, { statusCode: 400, code: 'VALIDATION', message: 'bad', details: [{ field: 'company.country', message: 'must be ISO' }] });
    expect(error).toMatchObject({ statusCode: 400, code: 'VALIDATION', message: 'bad' });
    expect(error.fieldError('company.country')).toBe('must be ISO');
    expect(ApiError.from(502, '<html>').code).toBe('HTTP_502');
  });
});
