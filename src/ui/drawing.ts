// Canvas helpers for the drawing pad: pointer position and one stroke segment.
import type { PointerEvent } from 'react';
import { IMAGE_SIDE } from '../data/mnist';

/** The pad's canvas, in pixels: 10x MNIST's side. */
export const SIZE = 10 * IMAGE_SIDE;
/** MNIST strokes are about a tenth of the digit's box wide. */
export const STROKE = SIZE / 10;

export interface Point {
  x: number;
  y: number;
}

/** The pointer in canvas pixels, whatever size CSS gives the canvas. */
export function canvasPoint(event: PointerEvent<HTMLCanvasElement>): Point {
  const box = event.currentTarget.getBoundingClientRect();
  return {
    x: ((event.clientX - box.left) * SIZE) / box.width,
    y: ((event.clientY - box.top) * SIZE) / box.height,
  };
}

export function drawSegment(context: CanvasRenderingContext2D, from: Point, to: Point): void {
  context.strokeStyle = '#fff';
  context.lineWidth = STROKE;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.beginPath();
  context.moveTo(from.x, from.y);
  context.lineTo(to.x, to.y); // from === to still draws a round dot
  context.stroke();
}
