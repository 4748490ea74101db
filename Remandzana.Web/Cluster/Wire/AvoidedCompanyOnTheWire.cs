using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.People;

namespace Remandzana.Web.Cluster.Wire;

/// <summary>An <see cref="AvoidedCompany"/> as the matchmaker answers it: the page (by its number) and how many others.</summary>
[GenerateSerializer, Immutable]
public readonly record struct AvoidedCompanySurrogate(
    [property: Id(0)] int Entry,
    [property: Id(1)] int Others);

[RegisterConverter]
public sealed class AvoidedCompanyConverter : IConverter<AvoidedCompany, AvoidedCompanySurrogate>
{
    public AvoidedCompany ConvertFromSurrogate(in AvoidedCompanySurrogate surrogate) => new((ChatEntry)surrogate.Entry, surrogate.Others);

    public AvoidedCompanySurrogate ConvertToSurrogate(in AvoidedCompany value) => new((int)value.Entry, value.Others);
}
