import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import { fileNameOf, saveBlob } from '@/lib/api/download';
import type { components } from '@/lib/api/schema';

export type CertificateView = components['schemas']['Training_Certificates_CertificateView'];
export type NotQualifiedParticipant = components['schemas']['Training_Certificates_NotQualifiedParticipant'];
export type CertificateVerification = components['schemas']['Training_Certificates_CertificateVerification'];

const KEY = ['training', 'certificates'] as const;
const MINE_KEY = [...KEY, 'mine'] as const;
const courseKey = (courseId: string) => [...KEY, 'course', courseId] as const;

/** The signed-in user's certificates (the holder's enrolments by e-mail). */
export function useMyCertificates() {
  return useQuery({ queryKey: MINE_KEY, queryFn: () => unwrap(api.GET('/api/v1/training/me/certificates')) });
}

export function useCourseCertificates(courseId: string) {
  return useQuery({
    queryKey: courseKey(courseId),
    queryFn: () => unwrap(api.GET('/api/v1/training/courses/{id}/certificates', { params: { path: { id: courseId } } })),
  });
}

/** Issues the certificates a completed course still owes (idempotent on the server). */
export function useIssueCertificates(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/training/courses/{id}/certificates', {
          params: { path: { id: courseId } },
        }),
      ),
    onSuccess: (result) => queryClient.setQueryData(courseKey(courseId), result.certificates),
  });
}

export function useRevokeCertificate(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/training/certificates/{id}/revoke', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: courseKey(courseId) }),
  });
}

/** Downloads the PDF with the bearer token (a plain link would not carry it). */
export function useDownloadCertificate() {
  return useMutation({
    mutationFn: async (certificate: Pick<CertificateView, 'id' | 'number'>) => {
      const { data, response } = await api.GET('/api/v1/training/certificates/{id}/pdf', {
        params: { path: { id: certificate.id } },
        parseAs: 'blob',
      });
      if (!data) throw new ApiError(response.status, { status: response.status });
      saveBlob(data as Blob, fileNameOf(response, `chung-nhan-${certificate.number.replaceAll('/', '-')}.pdf`));
    },
  });
}

/** The public check of a verification code (no sign-in needed). */
export function useVerifyCertificate(code: string) {
  return useQuery({
    queryKey: ['training', 'verify', code],
    queryFn: () => unwrap(api.GET('/api/v1/training/certificates/verify/{code}', { params: { path: { code } } })),
    retry: false,
  });
}

/** The path of the SPA's verification page for a certificate (from its public URL). */
export function verifyPathOf(certificate: Pick<CertificateView, 'verifyUrl'>): string {
  try {
    return new URL(certificate.verifyUrl).pathname;
  } catch {
    return certificate.verifyUrl;
  }
}
