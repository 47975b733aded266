/**
 * Scanning a student's results QR code with the teacher device's camera. It uses the browser's
 * own BarcodeDetector (built into Chromebooks, Android and macOS browsers), so no decoder is
 * downloaded and nothing leaves the device. Where the browser has none, the button is not
 * shown and the screen points to the text code and the results file instead.
 */
import { el } from '../dom';

interface DetectedBarcode {
  readonly rawValue: string;
}

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

export function cameraScanningSupported(): boolean {
  return (
    detectorClass() !== undefined && typeof navigator.mediaDevices?.getUserMedia === 'function'
  );
}

export interface QrScannerOptions {
  readonly t: (key: string) => string;
  /** Called with each code read; scanning stops until the teacher asks for the next one. */
  readonly onCode: (code: string) => Promise<void>;
}

export interface QrScanner {
  readonly root: HTMLElement;
  /** Turns the camera off (leaving the screen must never leave it on). */
  stop(): void;
}

export function createQrScanner({ t, onCode }: QrScannerOptions): QrScanner {
  const status = el('p', { className: 'status', attrs: { role: 'status' } });
  const video = el('video', {
    className: 'qr-video',
    attrs: { muted: '', playsinline: '', 'aria-hidden': 'true' },
  });
  video.hidden = true;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    video.srcObject = null;
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
  };

  const scan = async () => {
    const Detector = detectorClass();
    if (!Detector) return;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
    } catch {
      status.textContent = t('import.cameraDenied');
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    startButton.hidden = true;
    stopButton.hidden = false;
    status.textContent = t('import.cameraScanning');
    await video.play().catch(() => undefined);
    const detector = new Detector({ formats: ['qr_code'] });
    const look = async () => {
      if (!stream) return;
      try {
        const found = (await detector.detect(video)).find(
          (code) => code.rawValue.trim().length > 0,
        );
        if (found) {
          stop();
          status.textContent = '';
          await onCode(found.rawValue);
          return;
        }
      } catch {
        // A frame that cannot be read yet (the camera is starting): try the next one.
      }
      timer = setTimeout(() => void look(), 200);
    };
    void look();
  };

  const startButton = el('button', {
    text: t('import.scan'),
    attrs: { type: 'button', 'data-action': 'scan-qr' },
    on: { click: () => void scan() },
  });
  const stopButton = el('button', {
    text: t('import.stopCamera'),
    attrs: { type: 'button' },
    on: { click: () => stop() },
  });
  stopButton.hidden = true;

  const root = cameraScanningSupported()
    ? el('div', { className: 'qr-scanner' }, [
        el('div', { className: 'button-row' }, [startButton, stopButton]),
        video,
        status,
      ])
    : el('p', { className: 'hint', text: t('import.noCamera') });
  return { root, stop };
}
