import { ApiError, newIdempotencyKey, queryKeys, unwrap, useLive } from '@kontor/ui';
import type { components } from '@kontor/ui/api/buyer.gen';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';

export type ChatMessage = components['schemas']['MessageViewDto'];
export type ChatThread = components['schemas']['ThreadDto'];

/** Query keys of negotiation threads and their messages (the socket writes into the same ones). */
export const chatKeys = queryKeys('chat');
/** The RFQ keys the RFQ page uses too, so an accepted offer refreshes its quote board. */
const rfqKeys = queryKeys('rfqs');

const messagesKey = (threadId: string) => chatKeys.list({ threadId });
const PAGE = 500;

/** Messages by sequence number: a copy arriving later (unmasked, offer status changed) replaces the earlier one. */
export function mergeMessages(current: ChatMessage[] | undefined, incoming: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map((current ?? []).map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const lastSeqOf = (messages: ChatMessage[] | undefined) => messages?.at(-1)?.seq ?? 0;

async function fetchAfter(threadId: string, afterSeq: number): Promise<ChatMessage[]> {
  const out: ChatMessage[] = [];
  for (let after = afterSeq; ; ) {
    const page = await unwrap(api.client.GET('/threads/{id}/messages', { params: { path: { id: threadId }, query: { afterSeq: after, limit: PAGE } } }));
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page[page.length - 1].seq;
  }
}

/** Fetches what came after the last message in the cache and merges it (no gap, no duplicate). */
async function catchUp(queryClient: QueryClient, threadId: string): Promise<void> {
  const missed = await fetchAfter(threadId, lastSeqOf(queryClient.getQueryData<ChatMessage[]>(messagesKey(threadId))));
  if (missed.length) queryClient.setQueryData<ChatMessage[]>(messagesKey(threadId), (old) => mergeMessages(old, missed));
}

/** POST /threads: the one thread of this RFQ with this supplier (opened on first use). */
export function useNegotiationThread(rfqId: string, supplierCompanyId: string) {
  return useQuery({
    queryKey: chatKeys.detail(`rfq:${rfqId}:${supplierCompanyId}`),
    queryFn: () => unwrap(api.client.POST('/threads', { body: { rfqId, supplierCompanyId } })),
    staleTime: 60_000,
  });
}

/** GET /rfqs/{id}: the RFQ's lines and currency, to show offers by line. */
export function useRfqForChat(rfqId: string) {
  return useQuery({ queryKey: rfqKeys.detail(rfqId), queryFn: () => unwrap(api.client.GET('/rfqs/{id}', { params: { path: { id: rfqId } } })) });
}

interface Ack {
  error?: { statusCode?: number; code: string; message: string; details?: unknown };
  seq?: number;
}

function throwIfError(ack: Ack): void {
  if (ack?.error) throw ApiError.from(ack.error.statusCode ?? 500, ack.error);
}

/**
 * The live messages of a thread: loaded over HTTP, then followed on the tab's socket. After every
 * (re)connect the thread is joined again with the last sequence number in the cache, and the server
 * sends what was missed; messages are merged by sequence number, so none is lost or shown twice.
 */
export function useThreadMessages(threadId: string | undefined) {
  const live = useLive();
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(live.connected);
  const [otherTyping, setOtherTyping] = useState(false);
  const messages = useQuery({
    queryKey: messagesKey(threadId ?? ''),
    enabled: Boolean(threadId),
    // A refetch (e.g. after a reconnect) merges into what the socket already delivered.
    queryFn: async () => mergeMessages(queryClient.getQueryData<ChatMessage[]>(messagesKey(threadId!)), await fetchAfter(threadId!, 0)),
  });
  const loaded = messages.isSuccess;

  useEffect(() => live.onConnection(setConnected), [live]);

  useEffect(() => {
    if (!threadId || !loaded) return;
    const key = messagesKey(threadId);
    const join = () => {
      const lastSeq = lastSeqOf(queryClient.getQueryData<ChatMessage[]>(key));
      live.emitWithAck<Ack>('thread:join', { threadId, lastSeq }).then(throwIfError).catch(() => void catchUp(queryClient, threadId).catch(() => undefined));
    };
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const offs = [
      live.onConnection((isConnected) => isConnected && join()),
      live.on('message', (payload) => {
        const m = payload as ChatMessage;
        if (m.threadId !== threadId) return;
        queryClient.setQueryData<ChatMessage[]>(key, (old) => mergeMessages(old, [m]));
        if (m.senderSide === 'supplier') setOtherTyping(false);
      }),
      live.on('offer:updated', (payload) => {
        const p = payload as Pick<ChatMessage, 'threadId' | 'offerStatus' | 'offerRevision'> & { messageId: string };
        if (p.threadId !== threadId) return;
        queryClient.setQueryData<ChatMessage[]>(key, (old) => old?.map((m) => (m.id === p.messageId ? { ...m, offerStatus: p.offerStatus, offerRevision: p.offerRevision } : m)));
      }),
      live.on('thread:revealed', (payload) => {
        if ((payload as { threadId: string }).threadId !== threadId) return;
        void queryClient.invalidateQueries({ queryKey: key });
        void queryClient.invalidateQueries({ queryKey: chatKeys.details() });
      }),
      live.on('message:hidden', (payload) => {
        if ((payload as { threadId: string }).threadId === threadId) void queryClient.invalidateQueries({ queryKey: key });
      }),
      live.on('typing', (payload) => {
        const p = payload as { threadId: string; side: string; typing: boolean };
        if (p.threadId !== threadId || p.side !== 'supplier') return;
        clearTimeout(typingTimer);
        setOtherTyping(Boolean(p.typing));
        // A lost "stopped typing" must not leave the indicator on.
        if (p.typing) typingTimer = setTimeout(() => setOtherTyping(false), 6000);
      }),
    ];
    if (live.connected) join();
    return () => {
      clearTimeout(typingTimer);
      for (const off of offs) off();
      if (live.connected) void live.emitWithAck('thread:leave', { threadId }).catch(() => undefined);
    };
  }, [live, queryClient, threadId, loaded]);

  // Tell the other side how far we have read (cheap: one event per new last message).
  const lastSeq = lastSeqOf(messages.data);
  useEffect(() => {
    if (threadId && lastSeq > 0 && connected) void live.emitWithAck('thread:read', { threadId, seq: lastSeq }).catch(() => undefined);
  }, [live, threadId, lastSeq, connected]);

  const typingSentAt = useRef(0);
  const notifyTyping = useCallback(
    (typing: boolean) => {
      if (!threadId || !live.connected) return;
      const now = Date.now();
      if (typing && now - typingSentAt.current < 3000) return;
      typingSentAt.current = typing ? now : 0;
      void live.emitWithAck('typing', { threadId, typing }).catch(() => undefined);
    },
    [live, threadId],
  );

  return { messages, connected, otherTyping, notifyTyping };
}

/**
 * Sends a message: over the socket with an acknowledgement when connected, over HTTP otherwise.
 * The clientId is made once per attempt, so a retried send is stored once.
 */
export function useSendMessage(threadId: string | undefined) {
  const live = useLive();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, clientId }: { body: string; clientId: string }) => {
      if (!threadId) throw new Error('no thread');
      if (live.connected) {
        const ack = await live.emitWithAck<Ack>('message:send', { threadId, body, clientId });
        throwIfError(ack);
        const cached = queryClient.getQueryData<ChatMessage[]>(messagesKey(threadId));
        if (!cached?.some((m) => m.seq === ack.seq)) await catchUp(queryClient, threadId);
        return;
      }
      const sent = await unwrap(api.client.POST('/threads/{id}/messages', { params: { path: { id: threadId } }, body: { body, clientId } }));
      queryClient.setQueryData<ChatMessage[]>(messagesKey(threadId), (old) => mergeMessages(old, [sent]));
    },
  });
}

/** A fresh client id for one send attempt. */
export const newClientId = newIdempotencyKey;

/** POST /threads/{id}/offers/{messageId}/accept: the quote gets a new revision with the offer's terms. */
export function useAcceptOffer(threadId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => unwrap(api.client.POST('/threads/{id}/offers/{messageId}/accept', { params: { path: { id: threadId!, messageId } } })),
    onSuccess: async (accepted) => {
      queryClient.setQueryData<ChatMessage[]>(messagesKey(threadId!), (old) => mergeMessages(old, [accepted]));
      await Promise.all([
        catchUp(queryClient, threadId!).catch(() => undefined),
        queryClient.invalidateQueries({ queryKey: messagesKey(threadId!) }),
        queryClient.invalidateQueries({ queryKey: rfqKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys('quotes').all }),
      ]);
    },
  });
}
