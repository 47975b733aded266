/**
 * Scanning a student's results QR code with the teacher device's camera. It uses the browser's
 * own BarcodeDetector where there is one (Chromebooks, Android, macOS); elsewhere it reads the
 * camera frames with jsQR, a small decoder in plain JavaScript that is bundled with the game
 * and loaded only when scanning starts. Nothing leaves the device. Without a camera API the
 * screen points to the text code and the results file instead.
 */
import { el } from '../dom';

interface DetectedBarcode {
  readonly rawValue: string;
}

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

/** Reads QR codes from video frames with jsQR, for browsers without BarcodeDetector. */
async function frameDecoder(): Promise<BarcodeDetectorLike> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    async detect(video) {
      if (!context || video.videoWidth === 0) return [];
      // A frame at most 640 pixels wide is plenty for a code held up to the camera.
      const scale = Math.min(1, 640 / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      return code ? [{ rawValue: code.data }] : [];
    },
  };
}

type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

export function cameraScanningSupported(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function';
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
    const Detector = detectorClass();
    const detector = Detector ? new Detector({ formats: ['qr_code'] }) : await frameDecoder();
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
