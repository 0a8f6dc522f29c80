import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { ChatClient } from '../chat/chat-client';
import { colleague, openRfq, quoteBody } from '../negotiation/negotiation-fixtures';
import { signUpCompany } from '../support/fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { ApprovalsPageObject } from './pages/approvals.page';
import { NegotiationPageObject } from './pages/negotiation.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP buyer-negotiates-and-approves: ${skip}`);

describe('buyer negotiates in the chat and an approver approves the award', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  let supplierSocket: ChatClient | undefined;
  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
  });
  after(async () => {
    supplierSocket?.close();
    await web?.close();
  });

  it('shows supplier messages live, sends replies, accepts an offer; a second member approves the award and the order appears', async () => {
    const { platform } = web;
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.patch('/company', { approvalThreshold: { amount: 5000, currency: 'EUR' } }, { token: buyer.token })).status).toBe(200);
    const approver = await colleague(platform, buyer, 'buyer', 'approver');
    const supplier = await signUpCompany(platform, 'supplier');
    const rfq = await openRfq(platform, buyer, [supplier.companyId]);
    const quote = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2]), { token: supplier.token });
    expect(quote.status).toBe(201);

    const { context, page } = await newPage(web.browser, { baseURL: platform.urls.buyer });
    try {
      await new SignInPageObject(page).open();
      await new SignInPageObject(page).signIn(buyer.email, buyer.password);
      await page.getByRole('link', { name: /^(approvals|freigaben)$/i }).waitFor();
      const chat = await new NegotiationPageObject(page).open(rfq.id, supplier.companyId);
      await expectAccessible(page, 'negotiation-chat (empty)');

      // The supplier talks through a real socket.io client on its own app.
      const thread = await platform.supplier.post('/threads', { rfqId: rfq.id }, { token: supplier.token });
      expect(thread.status).toBe(200);
      supplierSocket = await ChatClient.connect(platform.urls.supplier, supplier.token);
      expect(await supplierSocket.ack('thread:join', { threadId: thread.body.id, lastSeq: 0 })).toMatchObject({ ok: true });
      expect(await supplierSocket.ack('message:send', { threadId: thread.body.id, body: 'Hello, we can ship in two weeks', clientId: 'sup-1' })).toMatchObject({ seq: 1 });
      await chat.messages().filter({ hasText: 'Hello, we can ship in two weeks' }).waitFor();

      await chat.send('Can you do better on the bolts?');
      await supplierSocket.waitFor(() => supplierSocket!.messages(thread.body.id).find((m) => m.body === 'Can you do better on the bolts?'));
      await expect(chat.messages().filter({ hasText: 'Can you do better on the bolts?' }).count()).resolves.toBe(1);

      const offered = await supplierSocket.ack('message:send', { threadId: thread.body.id, body: 'Our best offer', clientId: 'sup-2', offer: { lines: [{ rfqLineId: rfq.lines[0].id, unitPrice: 9 }], leadTimeDays: 10 } });
      expect(offered.error).toBeUndefined();
      await chat.offer().getByRole('button', { name: /accept offer/i }).waitFor();
      await chat.acceptOffer();
      await chat.offer().getByText(/accepted as quote revision 2/i).waitFor();
      await expectAccessible(page, 'negotiation-chat');
      await screenshot(page, 'negotiation-chat');
      const quotes = await platform.buyer.get(`/rfqs/${rfq.id}/quotes`, { token: buyer.token });
      expect(quotes.body[0].currentRevision).toBe(2);
    } finally {
      await context.close();
    }

    // 9 × 1000 + 2 × 2000 = €130.00, above the €50.00 threshold: the owner's award waits for an approver.
    const award = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: quote.body.id }, { token: buyer.token, headers: { 'idempotency-key': `award-${rfq.id}` } });
    expect(award.status).toBe(201);
    expect(award.body).toMatchObject({ status: 'pending_approval', totalAmount: 13000 });

    const second = await newPage(web.browser, { baseURL: platform.urls.buyer });
    try {
      const p = second.page;
      await new SignInPageObject(p).open();
      await new SignInPageObject(p).signIn(approver.email, approver.password);
      const approvals = await new ApprovalsPageObject(p).open();
      const card = approvals.award('M8 bolts and washers');
      await card.getByRole('table', { name: /comparison/i }).waitFor();
      await expectAccessible(p, 'approvals');
      await screenshot(p, 'approvals');
      await approvals.approveAward('M8 bolts and washers');
      await approvals.recentOrders().first().waitFor();
      await expect(approvals.recentOrders().first().textContent()).resolves.toMatch(/order .* · placed/i);
      await expect(p.getByText(/no award is waiting for approval/i).count()).resolves.toBe(1);
      await expectAccessible(p, 'approvals (done)');
    } finally {
      await second.context.close();
    }
    const orders = await platform.buyer.get('/orders', { token: buyer.token });
    expect(orders.body.items).toHaveLength(1);
    expect(orders.body.items[0]).toMatchObject({ total: 13000, supplierCompanyId: supplier.companyId });
  });
});
