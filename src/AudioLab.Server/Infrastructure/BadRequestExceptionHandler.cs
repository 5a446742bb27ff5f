using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AudioLab.Server.Infrastructure;

/// <summary>
/// Turns request-binding failures (malformed JSON, a value of the wrong type, an unknown field, a body
/// over the size limit) into a ProblemDetails whose detail names the field and says what was expected.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var status = bad.StatusCode;
        var detail = status == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this server accepts."
            : Describe(bad);
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                Detail = detail,
            },
        });
    }

    private static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } path ? path[2..] : null;
            var message = json.Message;
            var unmapped = UnmappedProperty().Match(message);
            if (unmapped.Success) return $"The request body has an unknown field '{unmapped.Groups[1].Value}'.";
            var converted = ConversionFailure().Match(message);
            if (converted.Success && field is not null)
                return $"The field '{field}' must be {Expected(FieldType(converted.Groups[1].Value, field))}.";
            return field is null
                ? "The request body is not valid JSON."
                : $"The request body is not valid JSON near the field '{field}'.";
        }
        var missingBody = MissingBody().Match(bad.Message);
        if (missingBody.Success) return "The request needs a JSON body.";
        var binding = FailedBinding().Match(bad.Message);
        if (binding.Success) return $"The parameter '{binding.Groups[2].Value}' cannot be '{binding.Groups[3].Value}': {Expected(binding.Groups[1].Value)} is expected.";
        return bad.Message;
    }

    /// <summary>
    /// For a record bound through its constructor the serializer names the record, not the field's type;
    /// find the field's own type by its snake_case name then.
    /// </summary>
    private static string FieldType(string reportedType, string field)
    {
        var type = typeof(BadRequestExceptionHandler).Assembly.GetType(reportedType);
        if (type is null) return reportedType;
        var property = type.GetProperties().FirstOrDefault(p => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == field.Split('[')[0]);
        if (property is null) return reportedType;
        var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return propertyType.Name;
    }

    private static string Expected(string typeName)
    {
        var t = typeName.TrimEnd('?').Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']');
        if (t.Contains('.', StringComparison.Ordinal)) t = t[(t.LastIndexOf('.') + 1)..];
        return t switch
        {
            "Double" or "double" or "Single" or "float" => "a number",
            "Int32" or "int" or "Int64" or "long" => "a whole number",
            "Boolean" or "bool" => "true or false",
            "String" or "string" => "a string",
            "Guid" => "a UUID",
            "MonitorMode" => "one of \"auto\", \"on\", \"off\"",
            "Int32[]" or "int[]" => "an array of whole numbers",
            _ => $"a value of type {t}",
        };
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("The JSON value could not be converted to ([^ .]+(?:\\.[^ .]+)*)\\. ")]
    private static partial Regex ConversionFailure();

    [GeneratedRegex("(Required parameter \".*\" was not provided from body)|(Implicit body inferred for parameter \".*\" but no body was provided)")]
    private static partial Regex MissingBody();

    [GeneratedRegex("Failed to bind parameter \"(\\S+) (\\S+)\" from \"(.*)\"")]
    private static partial Regex FailedBinding();
}
