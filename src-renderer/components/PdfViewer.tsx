import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Alert, Group, Loader, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconArrowAutofitWidth,
  IconChevronLeft,
  IconChevronRight,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type * as PdfjsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import classes from './PdfViewer.module.css';

type Pdfjs = typeof PdfjsModule;

let pdfjsPromise: Promise<Pdfjs> | null = null;

/**
 * pdf.js and its worker are loaded on first use only, so people who never open a PDF never pay for them.
 * The worker is a file of the app itself (script-src/worker-src 'self'), never a blob: or CDN script.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  pdfjsPromise.catch(() => (pdfjsPromise = null));
  return pdfjsPromise;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** Keeps one page's backing canvas within what a laptop can hold, however far it is zoomed on HiDPI. */
const MAX_CANVAS_PIXELS = 16_000_000;
const RESIZE_DEBOUNCE_MS = 150;
/** Gap between pages and the padding of the scroll area, in CSS pixels (matches the CSS module). */
const GAP = 12;

function usePdfDocument(data: Uint8Array) {
  const [state, setState] = useState<{
    doc: PDFDocumentProxy | null;
    error: string | null;
    data: Uint8Array;
  }>({
    doc: null,
    error: null,
    data,
  });
  useEffect(() => {
    let gone = false;
    let destroy: (() => Promise<void>) | null = null;
    void loadPdfjs()
      .then((pdfjs) => {
        if (gone) return null;
        // pdf.js hands the buffer to its worker (detaching it), so it gets a copy of its own. No WebAssembly:
        // the Content-Security-Policy forbids compiling it, and pdf.js has JS fallbacks. (pdf.js 6 no longer
        // has an eval path at all, so the old `isEvalSupported: false` option is gone from its API.)
        const task = pdfjs.getDocument({ data: data.slice(), useWasm: false });
        destroy = () => task.destroy();
        return task.promise;
      })
      .then(
        (doc) => {
          if (!gone && doc) setState({ doc, error: null, data });
        },
        (e: unknown) => {
          if (!gone) setState({ doc: null, error: e instanceof Error ? e.message : String(e), data });
        },
      );
    return () => {
      gone = true;
      void destroy?.();
    };
  }, [data]);
  return state.data === data ? state : { doc: null, error: null };
}

/** The width of an element in CSS pixels, settling on a new value only once resizing pauses. */
function useDebouncedWidth(ref: React.RefObject<HTMLElement | null>) {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setWidth(el.clientWidth), RESIZE_DEBOUNCE_MS);
    });
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref]);
  return width;
}

interface PdfViewerProps {
  /** The PDF's bytes, as files.get returned them. */
  data: Uint8Array;
  name: string;
  /** The download button, offered next to the pages and with the error. */
  download: ReactNode;
}

/** A PDF drawn by pdf.js into canvases, the same in Electron and in the browser, without any plugin. */
export function PdfViewer({ data, name, download }: PdfViewerProps) {
  const { t } = useTranslation();
  const { doc, error } = usePdfDocument(data);

  if (error)
    return (
      <Alert color="red" role="alert" title={t('learningScreens.file.pdfFailedTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('learningScreens.file.pdfFailed', { message: error })}</Text>
          {download}
        </Stack>
      </Alert>
    );
  if (!doc)
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('learningScreens.file.pdfLoading')}</Text>
      </Group>
    );
  return <PdfPages doc={doc} name={name} />;
}

function PdfPages({ doc, name }: { doc: PDFDocumentProxy; name: string }) {
  const { t } = useTranslation();
  const total = doc.numPages;
  const scrollRef = useRef<HTMLDivElement>(null);
  const keysId = useId();
  const width = useDebouncedWidth(scrollRef);
  const [zoom, setZoom] = useState(1);
  const [current, setCurrent] = useState(1);
  const [ratio, setRatio] = useState(297 / 210);
  const pageWidth = Math.max(0, Math.floor((width - 2 * GAP) * zoom));

  // Until a page is loaded, its placeholder takes the first page's shape, so scrolling stays steady.
  useEffect(() => {
    let gone = false;
    void doc.getPage(1).then((p) => {
      const v = p.getViewport({ scale: 1 });
      if (!gone) setRatio(v.height / v.width);
    });
    return () => {
      gone = true;
    };
  }, [doc]);

  const pageEl = (n: number) => scrollRef.current?.querySelector<HTMLElement>(`[data-page="${n}"]`);

  const goTo = useCallback(
    (n: number) => {
      const target = Math.min(total, Math.max(1, n));
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-page="${target}"]`);
      if (el && scrollRef.current) scrollRef.current.scrollTop = el.offsetTop - GAP;
      setCurrent(target);
    },
    [total],
  );

  // Zooming or resizing keeps the reader on the page they were reading.
  const currentRef = useRef(current);
  useLayoutEffect(() => {
    currentRef.current = current;
  }, [current]);
  useLayoutEffect(() => {
    const el = pageEl(currentRef.current);
    if (el && scrollRef.current && currentRef.current > 1) scrollRef.current.scrollTop = el.offsetTop - GAP;
  }, [pageWidth]);

  const onScroll = () => {
    const box = scrollRef.current;
    if (!box) return;
    // The current page is the last one whose top has passed the upper third of the view.
    const line = box.scrollTop + box.clientHeight / 3;
    let n = 1;
    for (const el of box.querySelectorAll<HTMLElement>('[data-page]')) {
      if (el.offsetTop <= line) n = Number(el.dataset.page);
      else break;
    }
    if (box.scrollTop + box.clientHeight >= box.scrollHeight - 2) n = total;
    setCurrent(n);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step: Record<string, number> = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
    if (e.key in step) goTo(current + (step[e.key] ?? 0));
    else if (e.key === 'Home') goTo(1);
    else if (e.key === 'End') goTo(total);
    else return;
    e.preventDefault();
  };

  const zoomIndex = ZOOMS.indexOf(zoom);
  return (
    <Stack gap="xs">
      <Group gap="xs" role="toolbar" aria-label={t('learningScreens.file.pdfToolbar')} wrap="wrap">
        <Tool
          label={t('learningScreens.file.pdfPrevious')}
          icon={<IconChevronLeft size={18} aria-hidden />}
          onClick={() => goTo(current - 1)}
          disabled={current <= 1}
        />
        <Text size="sm" aria-live="polite" aria-atomic className={classes.position}>
          {t('learningScreens.file.pdfPosition', { page: current, total })}
        </Text>
        <Tool
          label={t('learningScreens.file.pdfNext')}
          icon={<IconChevronRight size={18} aria-hidden />}
          onClick={() => goTo(current + 1)}
          disabled={current >= total}
        />
        <span className={classes.divider} aria-hidden />
        <Tool
          label={t('learningScreens.file.pdfZoomOut')}
          icon={<IconZoomOut size={18} aria-hidden />}
          onClick={() => setZoom(ZOOMS[Math.max(0, zoomIndex - 1)] ?? 1)}
          disabled={zoomIndex <= 0}
        />
        <Text size="sm" className={classes.zoom}>
          {t('learningScreens.file.pdfZoomLevel', { percent: Math.round(zoom * 100) })}
        </Text>
        <Tool
          label={t('learningScreens.file.pdfZoomIn')}
          icon={<IconZoomIn size={18} aria-hidden />}
          onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, zoomIndex + 1)] ?? 1)}
          disabled={zoomIndex >= ZOOMS.length - 1}
        />
        <Tool
          label={t('learningScreens.file.pdfFitWidth')}
          icon={<IconArrowAutofitWidth size={18} aria-hidden />}
          onClick={() => setZoom(1)}
          disabled={zoom === 1}
        />
      </Group>
      {/* A focusable scroll area, so keyboard users can scroll it and turn pages with the arrow keys. */}
      <div
        ref={scrollRef}
        className={classes.scroller}
        tabIndex={0}
        role="region"
        aria-label={t('learningScreens.file.pdfPages', { name })}
        aria-describedby={keysId}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <VisuallyHidden id={keysId}>{t('learningScreens.file.pdfKeys')}</VisuallyHidden>
        {pageWidth > 0 &&
          Array.from({ length: total }, (_, i) => (
            <PdfPage
              key={i + 1}
              doc={doc}
              pageNumber={i + 1}
              total={total}
              name={name}
              width={pageWidth}
              placeholderRatio={ratio}
              root={scrollRef}
            />
          ))}
      </div>
    </Stack>
  );
}

function Tool(props: { label: string; icon: ReactNode; onClick: () => void; disabled: boolean }) {
  return (
    <Tooltip label={props.label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={props.label}
        onClick={props.onClick}
        // Looks disabled but keeps focus, so pressing Next on the last page does not drop the keyboard user.
        {...(props.disabled ? { 'data-disabled': true } : {})}
        aria-disabled={props.disabled}
      >
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}

interface PdfPageProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  total: number;
  name: string;
  width: number;
  placeholderRatio: number;
  root: React.RefObject<HTMLDivElement | null>;
}

/** One page: drawn only once it comes near the view, redrawn sharp whenever its width changes. */
function PdfPage({ doc, pageNumber, total, name, width, placeholderRatio, root }: PdfPageProps) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [ratio, setRatio] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = boxRef.current;
    if (!el || near) return;
    // One screen ahead and behind, so a 200-page PDF draws only what the reader is about to see.
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setNear(true),
      {
        root: root.current,
        rootMargin: '100% 0px',
      },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near, root]);

  useEffect(() => {
    if (!near) return;
    let task: RenderTask | null = null;
    let gone = false;
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        if (gone) return;
        const base = page.getViewport({ scale: 1 });
        setRatio(base.height / base.width);
        const cssScale = width / base.width;
        const wanted = cssScale * (window.devicePixelRatio || 1);
        const cap = Math.sqrt(MAX_CANVAS_PIXELS / (base.width * base.height));
        const viewport = page.getViewport({ scale: Math.min(wanted, cap) });
        const canvas = canvasRef.current;
        if (!canvas) return;
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        task = page.render({ canvas, viewport });
        await task.promise;
        if (gone) return;
        setFailed(false);
        const content = await page.getTextContent();
        if (!gone) setText(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      } catch (e) {
        if (!gone && !(e instanceof Error && e.name === 'RenderingCancelledException')) setFailed(true);
      }
    })();
    return () => {
      gone = true;
      task?.cancel();
    };
  }, [doc, pageNumber, near, width]);

  const height = Math.round(width * (ratio ?? placeholderRatio));
  return (
    <div ref={boxRef} data-page={pageNumber} className={classes.page} style={{ width, height }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={t('learningScreens.file.pdfPageName', { page: pageNumber, total, name })}
        className={classes.canvas}
      />
      {failed && (
        <Text size="sm" c="red.8" className={classes.pageError}>
          {t('learningScreens.file.pdfPageFailed', { page: pageNumber })}
        </Text>
      )}
      {text && (
        <VisuallyHidden>
          {t('learningScreens.file.pdfPageText', { page: pageNumber })}: {text}
        </VisuallyHidden>
      )}
    </div>
  );
}
