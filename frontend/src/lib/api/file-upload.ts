/**
 * The body of a one-file upload for the API client: multipart/form-data with the file in the field `file`, sent
 * through `api.POST(route, { params, ...fileUpload(file) })` so it carries the bearer token like every call.
 */
export function fileUpload(file: File) {
  return {
    body: { file: file as unknown as string },
    bodySerializer: () => {
      const form = new FormData();
      form.append('file', file, file.name);
      return form;
    },
  };
}
