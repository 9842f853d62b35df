import { Link } from "@/components/ui/link";

export function AccessDenied({
  homePath,
  reason = "This page is for the provider's staff.",
}: {
  homePath: string;
  reason?: string;
}) {
  return (
    <section
      role="alert"
      className="mx-auto mt-16 max-w-lg rounded-xl border border-amber-200 bg-amber-50 p-8 text-center"
    >
      <h1 className="text-xl font-semibold text-amber-900">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-amber-800">
        {reason} If you think you should see it, ask your administrator for the right role.
      </p>
      <Link
        href={homePath}
        className="mt-6 inline-block rounded-md bg-amber-900 px-4 py-2 text-sm font-semibold text-white"
      >
        Back to your home page
      </Link>
    </section>
  );
}
