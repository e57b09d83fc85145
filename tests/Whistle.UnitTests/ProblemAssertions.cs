using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Kernel;

namespace Whistle.UnitTests;

public static class ProblemAssertions
{
    public static void ShouldBeNoProblem(this ProblemDetails problem) =>
        problem.ShouldBeSameAs(Problems.None, $"expected no problem, got {problem.Status}: {problem.Detail}");

    /// <summary>400 naming exactly these fields.</summary>
    public static ValidationProblemDetails ShouldRejectFields(this ProblemDetails problem, params string[] fields)
    {
        problem.Status.ShouldBe(StatusCodes.Status400BadRequest);
        var validation = problem.ShouldBeOfType<ValidationProblemDetails>();
        validation.Errors.Keys.ShouldBe(fields, ignoreOrder: true);
        return validation;
    }

    /// <summary>400 naming only this field, with one message saying why (in English, after the Chinese sentence).</summary>
    public static void ShouldRejectField(this ProblemDetails problem, string field, string because) =>
        problem.ShouldRejectFields(field).Errors[field].ShouldHaveSingleItem().ShouldContain(because);

    public static void ShouldBeNotFound(this ProblemDetails problem) =>
        problem.Status.ShouldBe(StatusCodes.Status404NotFound);

    /// <summary>409 whose detail says why (in English, after the Chinese sentence).</summary>
    public static void ShouldBeConflict(this ProblemDetails problem, string because)
    {
        problem.Status.ShouldBe(StatusCodes.Status409Conflict);
        problem.Detail.ShouldNotBeNull().ShouldContain(because);
    }

    public static void ShouldBeStaleVersion(this ProblemDetails problem, long expected, long current)
    {
        problem.Status.ShouldBe(StatusCodes.Status409Conflict);
        problem.Extensions["expectedVersion"].ShouldBe(expected);
        problem.Extensions["currentVersion"].ShouldBe(current);
    }
}
