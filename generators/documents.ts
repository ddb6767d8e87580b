/**
 * Document verify requests as multipart forms. Which images each document type needs is DOC
 * (license and passcard: front and back; passport: front only); the outcome rides on the front
 * image's name (images.ts). Every builder states what it breaks in its name.
 */
import type { FilePart } from "../harness/client.js";
import { documentFiles, file, frontName, sizes, type Bounds, type ImageKind } from "./images.js";

export const documentOperations = ["verifyLicense", "verifyPassport", "verifyPasscard"] as const;
export type DocumentOperation = (typeof documentOperations)[number];

/** DOC: license and passcard take a back image; a passport only its front. */
export const needsBack: Readonly<Record<DocumentOperation, boolean>> = {
  verifyLicense: true,
  verifyPassport: false,
  verifyPasscard: true,
};

export interface DocumentForm {
  fields: Record<string, string>;
  files: Record<string, FilePart>;
}

export function documentForm(bounds: Bounds, op: DocumentOperation) {
  const s = sizes(bounds);
  const back = needsBack[op];
  const form = (files: Record<string, FilePart>, fields: Record<string, string> = {}): DocumentForm => ({ fields, files });
  /** The valid parts with the front image replaced. */
  const front = (kind: ImageKind, size: number, name: string = frontName.success(), declared?: string) => ({
    ...documentFiles({ bounds, back }),
    front_image: file(kind, size, name, declared),
  });
  return {
    /** Valid images; `name` picks the sandbox outcome (success.jpg by default). */
    valid: (name: string = frontName.success(), fields: Record<string, string> = {}): DocumentForm =>
      form(documentFiles({ bounds, back, frontName: name }), fields),
    /** A PNG front image (an accepted type). */
    pngFront: (): DocumentForm => form(front("png", s.inside(), frontName.success().replace(/\.jpg$/, ".png"))),
    /** A PNG back image (an accepted type; license and passcard only). */
    pngBack: (): DocumentForm => form(documentFiles({ bounds, back, backKind: "png" })),
    /** A front image whose size is `size` bytes (edges and clearly outside). */
    frontOfSize: (size: number, fields: Record<string, string> = {}): DocumentForm => form(front("jpeg", size), fields),
    /** Bytes of an unsupported type, named .jpg and declared image/jpeg (D20: judged by content). */
    disguisedFront: (kind: Exclude<ImageKind, "jpeg" | "png">): DocumentForm =>
      form(front(kind, s.inside(), frontName.success(), "image/jpeg")),
    withoutFront: (): DocumentForm => {
      const { front_image: _dropped, ...rest } = documentFiles({ bounds, back });
      return form(rest);
    },
    /** Only the front image (valid for a passport, missing the back for license and passcard). */
    frontOnly: (): DocumentForm => form(documentFiles({ bounds, back: false })),
  };
}
