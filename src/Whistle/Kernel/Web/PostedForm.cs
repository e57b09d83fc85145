namespace Whistle.Kernel.Web;

/// <summary>
/// Which form a page request posts. Blazor finds a form's handler only among the forms the page draws while it handles
/// the post; a form drawn only in some states (sign for: while awaiting) would answer a bare 400 when it is posted a
/// second time or from a page left open, after the state moved on. A page therefore draws the posted form too, and the
/// API's command decides: the same idempotency key is answered as the first time, anything else gets the API's own refusal.
/// </summary>
public static class PostedForm
{
    /// <summary>The posted form's name (Blazor's <c>_handler</c> field), or null on a GET.</summary>
    public static string? Of(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType ? http.Request.Form["_handler"].ToString() : null;

    /// <summary>Whether to draw the form <paramref name="name"/>: when the state allows it, or when it is the one posted.</summary>
    public static bool Draw(HttpContext http, string name, bool stateAllows) => stateAllows || Of(http) == name;
}
